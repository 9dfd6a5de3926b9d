import { afterAll, beforeAll, expect, test } from "vitest";
import { Registry } from "../../src/client/Registry.ts";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";
import { newModel } from "../support/models.ts";
import { startTestRegistry, type TestRegistry } from "../support/startTestRegistry.ts";

let registry: TestRegistry;
let client: Registry;
const failed: UsageEvent = { at: "2030-01-02T00:00:00.000Z", fn: "save", args: [], success: false, errorClass: "EnvelopeError", errorCode: "ENVELOPE_FORBIDDEN", errorMessage: "not yours", durationMs: 1, user: "ada", team: "churn", clientVersion: "0.1.0", model: null };

beforeAll(async () => {
  registry = await startTestRegistry({ now: () => new Date("2030-01-10T00:00:00.000Z") });
  for (const stage of ["dev", "prod", "prod"]) await registry.store.saveModel(newModel("churn", "churn", { stage }));
  await registry.store.logMetrics("churn", 3, [{ name: "roc", kind: "series", points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }], "churn", "2030-01-01T00:00:00.000Z");
  await registry.store.recordEvents([failed]);
  client = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
}, 60_000);
afterAll(() => registry.close());

test("registry.dashboard reads the metric views with a tag query as text or tags", async () => {
  expect(await client.dashboard.metricNames()).toEqual({ scalar: ["auc"], series: ["roc"] });
  const page = await client.dashboard.metrics({ stage: "prod" }, ["auc"], { limit: 1 });
  expect(page.versions.map((row) => [row.version, row.metrics])).toEqual([[2, { auc: 0.5 }]]);
  const rest = await client.dashboard.metrics("stage=prod", ["auc"], { cursor: page.next! });
  expect(rest).toMatchObject({ versions: [{ version: 3 }], next: null });
  expect((await client.dashboard.series("name=churn", "roc")).map((row) => row.version)).toEqual([3]);
});

test("registry.dashboard reads the usage views and the alerts; a bad parameter is the registry's 400", async () => {
  const since = new Date("2030-01-01T00:00:00.000Z");
  expect(await client.dashboard.functions({ since })).toEqual([{ fn: "save", calls: 1, failures: 1, failureRate: 1, users: 1 }]);
  expect(await client.dashboard.newUsers({ since })).toEqual([{ week: "2029-12-31", users: 1 }]);
  expect((await client.dashboard.errors({ since, fn: "save" })).errors).toMatchObject([{ errorCode: "ENVELOPE_FORBIDDEN", count: 1, fix: expect.stringMatching(/another team/) }]);
  expect((await client.dashboard.users({ since })).users).toMatchObject([{ user: "ada", calls: 1, failures: 1 }]);
  expect((await client.dashboard.user("ada", { since })).recentFailures).toMatchObject([{ errorCode: "ENVELOPE_FORBIDDEN" }]);
  expect(await client.dashboard.alerts()).toEqual({ alerts: [], next: null });
  await expect(client.dashboard.users({ limit: 0 })).rejects.toMatchObject({ code: "ENVELOPE_INVALID", status: 400, message: expect.stringMatching(/query\.limit/) });
});
