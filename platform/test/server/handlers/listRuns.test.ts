import { afterAll, beforeAll, expect, test } from "vitest";
import { Registry } from "../../../src/client/Registry.ts";
import type { RunInput } from "../../../src/runs/BatchRun.ts";
import { callRegistry } from "../../support/callRegistry.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

let registry: TestRegistry;
let ada: Registry;
const run = (rowsIn: number): RunInput => ({ status: "succeeded", inputs: ["a.parquet"], output: "out", rowsIn, rowsOut: rowsIn, rowsSkipped: 0, durationMs: 5, startedAt: "2030-01-01T00:00:00.000Z", drift: {}, error: null, shard: null });

beforeAll(async () => {
  registry = await startTestRegistry();
  ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
  for (const name of ["linear", "other"]) {
    await ada.save({ name, artifact: { slope: 2 }, inputs: [{ x: 1 }], outputs: [{ y: 2 }] });
    await ada.save({ name, artifact: { slope: 3 }, inputs: [{ x: 1 }], outputs: [{ y: 3 }] });
  }
  // linear: rowsIn 0..6, versions 1, 2, 1, 2, ...; other: one run
  for (let index = 0; index < 7; index++) await ada.recordRun("linear", 1 + (index % 2), run(index));
  await ada.recordRun("other", 1, run(100));
}, 60_000);
afterAll(() => registry.close());

test("GET /v1/models/{name}/runs lists the model's runs newest first, a page at a time, `next` to pass as `cursor`", async () => {
  const seen: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await ada.listRuns("linear", { limit: 3, ...(cursor ? { cursor } : {}) });
    expect(page.runs.length).toBeLessThanOrEqual(3);
    seen.push(...page.runs.map((entry) => entry.rowsIn));
    cursor = page.next ?? undefined;
    pages++;
  } while (cursor !== undefined && pages < 10);
  expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);
  expect(pages).toBe(3);
});

test("?version= lists one version's runs; the default page is 50", async () => {
  const page = await ada.listRuns("linear", { version: 2 });
  expect(page.runs.map((entry) => [entry.version, entry.rowsIn])).toEqual([[2, 5], [2, 3], [2, 1]]);
  expect(page.next).toBeNull();
  expect((await ada.listRuns("other")).runs.map((entry) => entry.rowsIn)).toEqual([100]);
  expect((await ada.listRuns("never-saved")).runs).toEqual([]);
});

test.each([
  ["?limit=0", "query.limit"],
  ["?limit=1001", "query.limit"],
  ["?version=two", "query.version"],
  ["?cursor=nonsense", "query.cursor"],
])("GET /v1/models/linear/runs%s is a 422 naming the parameter", async (query, path) => {
  const answer = await callRegistry(registry, "GET", `/v1/models/linear/runs${query}`);
  expect(answer.status).toBe(422);
  expect(answer.json.error.problems.map((problem: { path: string }) => problem.path)).toEqual([path]);
});

test("runs are read with any team's token, and need one", async () => {
  expect((await callRegistry(registry, "GET", "/v1/models/linear/runs?limit=1", { token: registry.tokens.grace })).json.runs).toHaveLength(1);
  expect((await callRegistry(registry, "GET", "/v1/models/linear/runs", { token: null })).status).toBe(401);
});
