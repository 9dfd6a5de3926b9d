import { afterAll, beforeAll, expect, test } from "vitest";
import { Registry } from "../../../src/client/Registry.ts";
import type { RunInput } from "../../../src/runs/BatchRun.ts";
import { callRegistry } from "../../support/callRegistry.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

let registry: TestRegistry;
const at = new Date("2030-01-02T03:04:05.000Z");

export const succeededRun: RunInput = {
  status: "succeeded",
  inputs: ["in/part-0.parquet", "in/part-1.parquet"],
  output: "out",
  rowsIn: 30,
  rowsOut: 28,
  rowsSkipped: 2,
  durationMs: 1234.5,
  startedAt: "2030-01-02T03:04:00.000Z",
  drift: { x: 3 },
  error: null,
  shard: "0/2",
};

beforeAll(async () => {
  registry = await startTestRegistry({ now: () => at });
  const ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
  await ada.save({ name: "linear", artifact: { slope: 2 }, inputs: [{ x: 1 }], outputs: [{ y: 2 }] });
}, 60_000);
afterAll(() => registry.close());

test("POST .../runs stores the run with its id, the version, and who ran it from the token, never from the body", async () => {
  const answer = await callRegistry(registry, "POST", "/v1/models/linear/versions/1/runs", { token: registry.tokens.grace, body: succeededRun });
  expect(answer.status).toBe(201);
  expect(answer.json).toEqual({ ...succeededRun, id: expect.any(Number), name: "linear", version: 1, user: "grace", team: "fraud", recordedAt: at.toISOString() });
  const listed = await callRegistry(registry, "GET", "/v1/models/linear/runs");
  expect(listed.json.runs[0]).toEqual(answer.json);

  const claimed = await callRegistry(registry, "POST", "/v1/models/linear/versions/latest/runs", { body: { ...succeededRun, user: "mallory", team: "root" } });
  expect(claimed.status).toBe(422);
  expect(claimed.json.error.problems.map((problem: { path: string }) => problem.path)).toEqual(["user", "team"]);
});

test("a failed run keeps its error; `latest` records the latest version", async () => {
  const failed: RunInput = { ...succeededRun, status: "failed", rowsOut: 0, drift: {}, error: { code: "ENVELOPE_MODEL_FAILED", message: "rows 0-9 of a.parquet: boom" }, shard: null };
  const answer = await callRegistry(registry, "POST", "/v1/models/linear/versions/latest/runs", { body: failed });
  expect(answer.status).toBe(201);
  expect(answer.json).toMatchObject({ ...failed, version: 1, user: "ada", team: "churn" });
});

test("a version never saved is a 404 naming it; nothing is recorded", async () => {
  const before = (await callRegistry(registry, "GET", "/v1/models/linear/runs")).json.runs.length;
  const missing = await callRegistry(registry, "POST", "/v1/models/linear/versions/7/runs", { body: succeededRun });
  expect(missing.status).toBe(404);
  expect(missing.json.error.message).toMatch(/model linear version 7 not found/);
  expect((await callRegistry(registry, "POST", "/v1/models/nothing/versions/latest/runs", { body: succeededRun })).status).toBe(404);
  expect((await callRegistry(registry, "GET", "/v1/models/linear/runs")).json.runs).toHaveLength(before);
});

test.each([
  // each row: a bad field, and the path the 422 names
  [{ status: "done" }, "status"],
  [{ inputs: "a.parquet" }, "inputs"],
  [{ inputs: [""] }, "inputs[0]"],
  [{ output: 3 }, "output"],
  [{ rowsIn: -1 }, "rowsIn"],
  [{ rowsOut: 1.5 }, "rowsOut"],
  [{ durationMs: "1s" }, "durationMs"],
  [{ startedAt: "yesterday" }, "startedAt"],
  [{ drift: { x: -2 } }, "drift.x"],
  [{ error: { code: "X", message: "m" } }, "error"],
  [{ status: "failed", error: null }, "error"],
  [{ status: "failed", error: { code: "", message: "m" } }, "error.code"],
  [{ shard: "2/2" }, "shard"],
  [{ extra: true }, "extra"],
])("a bad body %j is a 422 naming %s", async (change, path) => {
  const answer = await callRegistry(registry, "POST", "/v1/models/linear/versions/1/runs", { body: { ...succeededRun, ...change } });
  expect(answer.status).toBe(422);
  expect(answer.json.error.problems.map((problem: { path: string }) => problem.path)).toEqual([path]);
});

test.each([
  // each row: a field over its limit, and what the 413 says
  [{ inputs: Array.from({ length: 1001 }, (_, index) => `p${index}`) }, /the run's inputs is over its limit: expected at most 1000 items, got 1001 items/],
  [{ inputs: ["a", "b".repeat(4097)] }, /the run's inputs\[1\] is over its limit: expected at most 4096 characters/],
  [{ output: "o".repeat(5000) }, /the run's output is over its limit/],
  [{ drift: Object.fromEntries(Array.from({ length: 1001 }, (_, index) => [`f${index}`, 1])) }, /the run's drift is over its limit: expected at most 1000 fields/],
  [{ status: "failed", error: { code: "X", message: "m".repeat(4001) } }, /the run's error\.message is over its limit/],
])("a field over its limit is a 413 naming it (%#)", async (change, message) => {
  const answer = await callRegistry(registry, "POST", "/v1/models/linear/versions/1/runs", { body: { ...succeededRun, ...change } });
  expect(answer.status).toBe(413);
  expect(answer.json.error).toMatchObject({ code: "ENVELOPE_TOO_LARGE", field: expect.stringMatching(/^(inputs|output|drift|error)/) });
  expect(answer.json.error.message).toMatch(message);
});

test("a body over 1 MiB is a 413 before it is parsed", async () => {
  const answer = await callRegistry(registry, "POST", "/v1/models/linear/versions/1/runs", { body: { ...succeededRun, padding: "x".repeat(1024 * 1024) } });
  expect(answer.status).toBe(413);
  expect(answer.json.error).toMatchObject({ code: "ENVELOPE_TOO_LARGE", limit: 1024 * 1024 });
});

test("the OpenAPI document lists both routes", async () => {
  const document = (await callRegistry(registry, "GET", "/v1/openapi.json")).json;
  expect(document.paths["/v1/models/{name}/versions/{version}/runs"].post.operationId).toBe("recordRun");
  expect(document.paths["/v1/models/{name}/runs"].get.operationId).toBe("listRuns");
});
