import { afterAll, beforeAll, expect, test } from "vitest";
import { callRegistry } from "../../support/callRegistry.ts";
import { newModel } from "../../support/models.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";
import { walkPages } from "../../support/walkPages.ts";

// the three metric routes of the dashboard over a small known history: 5 versions of churn
// (stage dev for v1, prod after), an hour apart, each with auc 0.5 saved and, from v2, loss
// v/10 and a roc curve logged; fraud v1 (prod) with auc only
let registry: TestRegistry;
const at = (hour: number) => new Date(Date.UTC(2030, 0, 1, hour)).toISOString();

beforeAll(async () => {
  registry = await startTestRegistry();
  const store = registry.store;
  for (let version = 1; version <= 5; version++) {
    await store.saveModel({ ...newModel("churn", "churn", { stage: version === 1 ? "dev" : "prod" }), createdAt: at(version) });
    if (version >= 2) await store.logMetrics("churn", version, [{ name: "loss", kind: "scalar", value: version / 10 }, { name: "roc", kind: "series", points: [{ x: 0, y: 0 }, { x: 1, y: version / 10 }] }], "churn", at(version));
  }
  await store.saveModel({ ...newModel("fraud", "fraud", { stage: "prod" }), createdAt: at(10) });
}, 60_000);
afterAll(() => registry.close());

const get = (path: string, token?: string | null) => callRegistry(registry, "GET", path, token === undefined ? {} : { token });

test("GET /v1/dashboard/metric-names: the names logged on the matching versions", async () => {
  expect((await get("/v1/dashboard/metric-names")).json).toEqual({ scalar: ["auc", "loss"], series: ["roc"] });
  expect((await get("/v1/dashboard/metric-names?query=name=fraud")).json).toEqual({ scalar: ["auc"], series: [] });
  expect((await get("/v1/dashboard/metric-names?query=stage%3Dnone")).json).toEqual({ scalar: [], series: [] });
});

test("GET /v1/dashboard/metrics: a row per version with every metric, oldest first; the cursor walks every row once", async () => {
  const all = await get("/v1/dashboard/metrics?metric=auc");
  expect(all.status).toBe(200);
  expect(all.json.versions.map((row: any) => `${row.name}@${row.version}`)).toEqual(["churn@1", "churn@2", "churn@3", "churn@4", "churn@5", "fraud@1"]);
  expect(all.json.next).toBeNull();
  const both = await get("/v1/dashboard/metrics?query=stage=prod,name=churn&metric=auc&metric=loss");
  expect(both.json.versions.map((row: any) => [row.version, row.metrics])).toEqual([2, 3, 4, 5].map((version) => [version, { auc: 0.5, loss: version / 10 }]));
  expect(both.json.versions[0]).toMatchObject({ name: "churn", version: 2, createdAt: at(2), tags: { stage: "prod", name: "churn", team: "churn" } });

  const { rows: seen, pages } = await walkPages(async (cursor) => {
    const page = (await get(`/v1/dashboard/metrics?metric=auc&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)).json;
    expect(page.versions.length).toBeLessThanOrEqual(2);
    return { rows: page.versions.map((row: any) => `${row.name}@${row.version}`), next: page.next };
  });
  expect(pages).toBe(3);
  expect(seen).toEqual(all.json.versions.map((row: any) => `${row.name}@${row.version}`));
});

test("GET /v1/dashboard/series: the curve of the newest versions that logged it, newest first", async () => {
  const { json } = await get("/v1/dashboard/series?query=name=churn&metric=roc&last=2");
  expect(json.versions.map((row: any) => [row.version, row.points])).toEqual([
    [5, [{ x: 0, y: 0 }, { x: 1, y: 0.5 }]],
    [4, [{ x: 0, y: 0 }, { x: 1, y: 0.4 }]],
  ]);
  expect((await get("/v1/dashboard/series?metric=roc")).json.versions).toHaveLength(4);
});

test.each([
  ["/v1/dashboard/metrics", /query\.metric/],
  ["/v1/dashboard/metrics?metric=auc&limit=0", /query\.limit/],
  ["/v1/dashboard/metrics?metric=auc&limit=1001", /query\.limit/],
  ["/v1/dashboard/metrics?metric=auc&cursor=nonsense", /query\.cursor/],
  ["/v1/dashboard/metrics?metric=auc&query=stage", /query\.query\[0\]/],
  ["/v1/dashboard/metrics?metric=a%20b", /query\.metric/],
  ["/v1/dashboard/metrics?metric=auc&limt=5", /query\.limt.*no such parameter/],
  ["/v1/dashboard/series?metric=roc&last=51", /query\.last/],
  ["/v1/dashboard/series", /query\.metric/],
  ["/v1/dashboard/metric-names?query=%3Dprod", /query\.query\[0\]/],
])("GET %s is a 400 naming the parameter", async (path, problem) => {
  const refused = await get(path);
  expect(refused.status).toBe(400);
  expect(refused.json.error.code).toBe("ENVELOPE_INVALID");
  expect(JSON.stringify(refused.json.error.problems)).toMatch(problem);
});

test.each(["/v1/dashboard/metric-names", "/v1/dashboard/metrics?metric=auc", "/v1/dashboard/series?metric=roc"])("GET %s without a token is a 401", async (path) => {
  expect((await get(path, null)).status).toBe(401);
});
