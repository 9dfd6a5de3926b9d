import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { unpublishPrefix, type UnpublishOptions } from "../../src/publish/unpublishPrefix.ts";
import { startBucket, type TestBucket } from "./helpers/startBucket.ts";

let s3: TestBucket;
beforeAll(async () => {
  s3 = await startBucket();
});
afterAll(() => s3.close());

// two previews, a prefix that only looks like pr-1, and the site at the root
const KEYS = ["index.html", "assets/app.js", "pr-1/index.html", "pr-1/assets/app.js", "pr-10/index.html", "pr-1.html", "pr-2/index.html", "pr-2/assets/app.js"];
beforeEach(async () => {
  for (const key of (await s3.contents()).keys()) if (!KEYS.includes(key)) throw new Error(`unexpected ${key}`);
  for (const key of KEYS) await s3.put(key, key);
  s3.proxy.reset();
  s3.proxy.failWhen = () => false;
});

const unpublish = (options: Partial<UnpublishOptions>) => unpublishPrefix({ bucket: s3.bucket, client: s3.client, where: s3.server.endpoint, ...options });
const remaining = async () => [...(await s3.contents()).keys()];

describe("unpublishPrefix", () => {
  test("removing pr-1/ leaves pr-2/, pr-10/, pr-1.html and the root untouched", async () => {
    const summary = await unpublish({ prefix: "pr-1" });
    expect(summary).toMatchObject({ ok: true, dryRun: false, bucket: "site", prefix: "pr-1/", deleted: ["pr-1/assets/app.js", "pr-1/index.html"], failures: [], bytes: { deleted: 33 } });
    expect(await remaining()).toEqual(["assets/app.js", "index.html", "pr-1.html", "pr-10/index.html", "pr-2/assets/app.js", "pr-2/index.html"]);
    // batch deletes (POST ?delete), nothing else written; the SDK may retry a reused connection
    expect(new Set(s3.proxy.seen.map(({ method }) => method))).toEqual(new Set(["GET", "POST"]));
  });

  test("a dry run lists what would go and changes nothing", async () => {
    const summary = await unpublish({ prefix: "pr-2/", dryRun: true });
    expect(summary).toMatchObject({ ok: true, dryRun: true, deleted: ["pr-2/assets/app.js", "pr-2/index.html"] });
    expect(await remaining()).toHaveLength(KEYS.length);
    expect(s3.proxy.seen.map(({ method }) => method)).toEqual(["GET"]);
  });

  test("an empty prefix is nothing to do, not an error", async () => {
    expect(await unpublish({ prefix: "pr-99" })).toMatchObject({ ok: true, deleted: [], bytes: { deleted: 0 } });
    expect(s3.proxy.seen.map(({ method }) => method)).toEqual(["GET"]);
  });

  test.each([
    // the root only with --root
    { prefix: "", message: /^refusing prefix "": expected a folder such as "pr-12\/"/ },
    { prefix: "/", message: /^refusing prefix "\/"/ },
    // never outside one folder
    { prefix: "../pr-1", message: /^refusing prefix "\.\.\/pr-1": expected no "\.\." segments$/ },
    { prefix: "pr-1/../..", message: /expected no "\.\." segments$/ },
  ])("refuses prefix $prefix before any request", async ({ prefix, message }) => {
    await expect(unpublish({ prefix })).rejects.toMatchObject({ code: "EXEMPLAR_PUBLISH_PREFIX", message: expect.stringMatching(message) });
    expect(s3.proxy.seen).toEqual([]);
  });

  test("--root with --keep 'pr-*' empties the site and leaves every preview", async () => {
    const summary = await unpublish({ root: true, keep: ["pr-*"] });
    expect(summary.deleted).toEqual(["assets/app.js", "index.html", "pr-1.html"]);
    expect(await remaining()).toEqual(["pr-1/assets/app.js", "pr-1/index.html", "pr-10/index.html", "pr-2/assets/app.js", "pr-2/index.html"]);
  });

  test("a failing delete is reported, not thrown", async () => {
    s3.proxy.failWhen = ({ method }) => method === "POST";
    const summary = await unpublish({ prefix: "pr-2" });
    expect(summary).toMatchObject({ ok: false, deleted: [], failures: [{ action: "delete", key: "pr-2/assets/app.js" }, { action: "delete", key: "pr-2/index.html" }] });
    expect(summary.failures[0]!.message).toMatch(/^InternalError \(HTTP 500\)/);
    expect(await remaining()).toHaveLength(KEYS.length);
  });

  test("a missing bucket is one line", async () => {
    await expect(unpublish({ bucket: "nope", prefix: "pr-1" })).rejects.toMatchObject({ code: "EXEMPLAR_PUBLISH_BUCKET_NOT_FOUND", message: expect.stringMatching(/^bucket "nope" does not exist at http:\/\/127\.0\.0\.1:\d+$/) });
  });
});
