import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { executePlan } from "../../src/publish/executePlan.ts";
import { listLocalFiles } from "../../src/publish/listLocalFiles.ts";
import { listRemoteObjects } from "../../src/publish/listRemoteObjects.ts";
import { planPublish } from "../../src/publish/planPublish.ts";
import { copySite } from "./helpers/copySite.ts";
import { startBucket, type TestBucket } from "./helpers/startBucket.ts";

let s3: TestBucket;
let dir: string;
beforeAll(async () => {
  s3 = await startBucket();
  dir = await mkdtemp(join(tmpdir(), "exemplar-execute-"));
  await copySite(dir, "/pr-1/");
});
afterAll(async () => {
  await s3.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  s3.proxy.reset();
  s3.proxy.failWhen = () => false;
});

async function planFor(prefix: string) {
  return planPublish(await listLocalFiles(dir), await listRemoteObjects(s3.client, s3.bucket, prefix), prefix);
}

describe("executePlan", () => {
  test("uploads every asset, then every page, then deletes", async () => {
    await s3.put("pr-1/stale.html", "old page");
    await s3.put("pr-1/assets/app.OLDhash1.js", "old asset");
    const plan = await planFor("pr-1/");
    s3.proxy.reset();
    const result = await executePlan(s3.client, s3.bucket, plan, { concurrency: 4 });
    expect(result.failures).toEqual([]);
    expect(result.deleted.map((item) => item.key)).toEqual(["pr-1/assets/app.OLDhash1.js", "pr-1/stale.html"]);

    const order = s3.proxy.seen.map(({ method, key }) => (method === "POST" ? "delete" : key.endsWith(".html") ? "page" : "asset"));
    const lastAsset = order.lastIndexOf("asset");
    const firstPage = order.indexOf("page");
    expect(lastAsset).toBeLessThan(firstPage);
    expect(order.indexOf("delete")).toBeGreaterThan(order.lastIndexOf("page"));
    expect(order.filter((step) => step === "delete")).toHaveLength(1);
    expect([...(await s3.contents()).keys()].filter((key) => key.includes("stale") || key.includes("OLD"))).toEqual([]);
  });

  test("a failed asset holds back the pages and every delete", async () => {
    await s3.put("pr-2/stale.html", "old page");
    const plan = await planFor("pr-2/");
    s3.proxy.reset();
    s3.proxy.failWhen = ({ method, key }) => method === "PUT" && key === "pr-2/assets/style.CjxkfIYg.css";
    const result = await executePlan(s3.client, s3.bucket, plan, { concurrency: 4 });
    expect(result.failures).toEqual([
      { action: "upload", key: "pr-2/assets/style.CjxkfIYg.css", path: "assets/style.CjxkfIYg.css", message: "InternalError (HTTP 500): injected by the test proxy" },
    ]);
    expect(result.skipped.map((upload) => upload.key).sort()).toEqual(["pr-2/404.html", "pr-2/guide/index.html", "pr-2/index.html"]);
    expect(result.deleted).toEqual([]);
    expect(s3.proxy.count("POST")).toBe(0);
    expect(s3.proxy.seen.filter(({ key }) => key.endsWith(".html"))).toEqual([]);
    expect((await s3.contents()).get("pr-2/stale.html")).toBe("old page");
  });
});
