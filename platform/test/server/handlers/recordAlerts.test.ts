import { afterAll, beforeAll, expect, test } from "vitest";
import { callRegistry } from "../../support/callRegistry.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
}, 60_000);
afterAll(() => registry.close());

const alert = (minute: number, status: number | null, source = "client") => ({ at: `2030-01-01T00:0${minute}:00.000Z`, kind: "ENVELOPE_MODEL_TIMEOUT", text: `predict timed out (${minute})`, status, source });

test("POST /v1/alerts keeps alerts with the token's user and team; GET /v1/alerts reads them newest first, a page at a time", async () => {
  const posted = await callRegistry(registry, "POST", "/v1/alerts", { body: { alerts: [alert(1, 200), alert(2, null, "serve")] } });
  expect(posted.status).toBe(201);
  expect(posted.json).toEqual({ recorded: 2 });
  await callRegistry(registry, "POST", "/v1/alerts", { token: registry.tokens.grace, body: { alerts: [alert(3, 500, "batch")] } });

  const all = (await callRegistry(registry, "GET", "/v1/alerts", { token: registry.tokens.admin })).json;
  expect(all.next).toBeNull();
  expect(all.alerts.map(({ id: _id, ...rest }: any) => rest)).toEqual([
    { ...alert(3, 500, "batch"), user: "grace", team: "fraud" },
    { ...alert(2, null, "serve"), user: "ada", team: "churn" },
    { ...alert(1, 200), user: "ada", team: "churn" },
  ]);
  // a team's token reads its own team's alerts
  expect((await callRegistry(registry, "GET", "/v1/alerts")).json.alerts.map((row: any) => row.status)).toEqual([null, 200]);
  const first = (await callRegistry(registry, "GET", "/v1/alerts?limit=2", { token: registry.tokens.admin })).json;
  const second = (await callRegistry(registry, "GET", `/v1/alerts?limit=2&cursor=${encodeURIComponent(first.next)}`, { token: registry.tokens.admin })).json;
  expect([...first.alerts, ...second.alerts].map((row: any) => row.id)).toEqual(all.alerts.map((row: any) => row.id));
  expect(second.next).toBeNull();
});

test.each([
  [{ alerts: [{ ...alert(1, 200), status: 99 }] }, /alerts\[0\]\.status/],
  [{ alerts: [{ ...alert(1, 200), source: "cron" }] }, /alerts\[0\]\.source/],
  [{ alerts: [{ ...alert(1, 200), at: "yesterday" }] }, /alerts\[0\]\.at/],
  [{ alerts: [{ ...alert(1, 200), extra: 1 }] }, /alerts\[0\]\.extra/],
  [{ alerts: Array.from({ length: 101 }, () => alert(1, 200)) }, /at most 100/],
  [{ alert: [] }, /"path":"alert"/],
])("POST /v1/alerts with a bad body is a 422 naming the field, and records nothing", async (body, problem) => {
  const before = (await callRegistry(registry, "GET", "/v1/alerts", { token: registry.tokens.admin })).json.alerts.length;
  const refused = await callRegistry(registry, "POST", "/v1/alerts", { body });
  expect(refused.status).toBe(422);
  expect(JSON.stringify(refused.json.error.problems)).toMatch(problem);
  expect((await callRegistry(registry, "GET", "/v1/alerts", { token: registry.tokens.admin })).json.alerts).toHaveLength(before);
});

test("the alert routes: 401 without a token, 400 for a bad limit or cursor", async () => {
  expect((await callRegistry(registry, "POST", "/v1/alerts", { token: null, body: { alerts: [] } })).status).toBe(401);
  expect((await callRegistry(registry, "GET", "/v1/alerts", { token: null })).status).toBe(401);
  expect((await callRegistry(registry, "GET", "/v1/alerts?limit=0")).status).toBe(400);
  expect(JSON.stringify((await callRegistry(registry, "GET", "/v1/alerts?cursor=abc")).json.error.problems)).toMatch(/query\.cursor/);
});
