import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { publishSite, type PublishOptions } from "../../src/publish/publishSite.ts";
import { copySite } from "./helpers/copySite.ts";
import { startBucket, type TestBucket } from "./helpers/startBucket.ts";

// the fixture site: 14 files, 3 of them pages
const SITE_FILES = 14;
const ASSETS = [
  "assets/app.DQ4RyKo-.js",
  "assets/chunks/framework.oUs45iQS.js",
  "assets/chunks/theme.DNgXqu1g.js",
  "assets/guide_index.md.C8vYX2VD.js",
  "assets/guide_index.md.C8vYX2VD.lean.js",
  "assets/index.md.Corhotjg.js",
  "assets/index.md.Corhotjg.lean.js",
  "assets/style.CjxkfIYg.css",
];

let s3: TestBucket;
let work: string;
beforeAll(async () => {
  s3 = await startBucket();
  work = await mkdtemp(join(tmpdir(), "exemplar-publish-"));
});
afterAll(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  s3.proxy.reset();
  s3.proxy.failWhen = () => false;
});

/** a fresh copy of the fixture site built for `/PREFIX` */
async function site(prefix: string): Promise<string> {
  const dir = join(work, prefix.replaceAll("/", "_"));
  await rm(dir, { recursive: true, force: true });
  await copySite(dir, `/${prefix}`);
  return dir;
}

const publish = (dir: string, prefix: string, options: Partial<PublishOptions> = {}) =>
  publishSite({ dir, bucket: s3.bucket, prefix, client: s3.client, where: s3.server.endpoint, ...options });

describe("publishSite", () => {
  test("the first publish uploads everything, an unchanged rebuild nothing, one edited page only that page", async () => {
    const dir = await site("pr-1/");
    const first = await publish(dir, "pr-1");
    expect(first).toMatchObject({ ok: true, prefix: "pr-1/", unchanged: [], deleted: [], failures: [] });
    expect(first.uploaded).toHaveLength(SITE_FILES);
    expect(s3.proxy.count("PUT")).toBe(SITE_FILES);

    // a fresh build of the same sources: same bytes, new mtimes
    const rebuilt = await site("pr-1/");
    s3.proxy.reset();
    const second = await publish(rebuilt, "pr-1");
    expect(second).toMatchObject({ ok: true, uploaded: [], deleted: [], heads: 0, bytes: { uploaded: 0 } });
    expect(second.unchanged).toHaveLength(SITE_FILES);
    expect(s3.proxy.count("PUT")).toBe(0);
    expect(s3.proxy.count("HEAD")).toBe(0);
    expect(s3.proxy.seen.map(({ method }) => method)).toEqual(["GET"]);

    const page = join(rebuilt, "guide/index.html");
    await writeFile(page, (await readFile(page, "utf8")).replace("body trimmed", "body edited"));
    s3.proxy.reset();
    const third = await publish(rebuilt, "pr-1");
    expect(third.uploaded).toEqual(["pr-1/guide/index.html"]);
    expect(s3.proxy.count("PUT")).toBe(1);
    expect((await s3.contents()).get("pr-1/guide/index.html")).toContain("body edited");
  });

  test("stores content type, cache control and the sha256 on every object", async () => {
    const dir = await site("pr-2/");
    await publish(dir, "pr-2/");
    const head = (key: string) => s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `pr-2/${key}` }));
    const expected: [string, string, string][] = [
      ["index.html", "text/html; charset=utf-8", "no-cache"],
      ["guide/index.html", "text/html; charset=utf-8", "no-cache"],
      ["assets/app.DQ4RyKo-.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"],
      ["assets/style.CjxkfIYg.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable"],
      ["hashmap.json", "application/json; charset=utf-8", "no-cache"],
      ["vp-icons.css", "text/css; charset=utf-8", "no-cache"],
      ["logo.svg", "image/svg+xml; charset=utf-8", "no-cache"],
    ];
    for (const [path, contentType, cacheControl] of expected) {
      const object = await head(path);
      const sha256 = createHash("sha256").update(await readFile(join(dir, path))).digest("hex");
      expect({ path, contentType: object.ContentType, cacheControl: object.CacheControl, sha256: object.Metadata?.["sha256"] }).toEqual({ path, contentType, cacheControl, sha256 });
    }
  });

  test("deletes objects the build no longer has, only after every upload succeeded", async () => {
    const dir = await site("pr-3/");
    await publish(dir, "pr-3");
    await s3.put("pr-3/old-page.html", "gone from the build");
    await s3.put("pr-3/assets/app.OLDhash1.js", "an asset of the previous build");
    await writeFile(join(dir, "assets/app.NEWhash1.js"), "// the new build's asset");
    await writeFile(join(dir, "index.html"), (await readFile(join(dir, "index.html"), "utf8")).replace("body trimmed", "links app.NEWhash1.js"));
    s3.proxy.reset();
    const summary = await publish(dir, "pr-3");
    expect(summary.uploaded).toEqual(["pr-3/assets/app.NEWhash1.js", "pr-3/index.html"]);
    expect(summary.deleted).toEqual(["pr-3/assets/app.OLDhash1.js", "pr-3/old-page.html"]);
    expect(s3.proxy.seen.map(({ method, key }) => `${method} ${key}`)).toEqual(["GET ", "PUT pr-3/assets/app.NEWhash1.js", "PUT pr-3/index.html", "POST "]);
    const keys = [...(await s3.contents()).keys()].filter((key) => key.startsWith("pr-3/"));
    expect(keys).toHaveLength(SITE_FILES + 1);
  });

  test("publishing pr-4/ never lists, changes or deletes pr-40/, pr-4.html, other previews or root objects", async () => {
    const neighbours = { "index.html": "root page", "pr-1x/index.html": "other", "pr-40/index.html": "pr-40 page", "pr-4.html": "sibling file", "pr-4-old/a.js": "old" };
    for (const [key, body] of Object.entries(neighbours)) await s3.put(key, body);
    await s3.put("pr-4/stale.html", "stale");
    const dir = await site("pr-4/");
    s3.proxy.reset();
    const summary = await publish(dir, "pr-4");
    expect(summary.deleted).toEqual(["pr-4/stale.html"]);
    for (const { key } of s3.proxy.seen) expect(key === "" || key.startsWith("pr-4/")).toBe(true);
    const contents = await s3.contents();
    for (const [key, body] of Object.entries(neighbours)) expect(contents.get(key)).toBe(body);
  });

  test("500s injected on some PUTs are retried and the publish succeeds", async () => {
    const dir = await site("pr-5/");
    // every other file fails its first attempt
    const flaky = new Set([...ASSETS.filter((_, index) => index % 2 === 0), "index.html"].map((path) => `pr-5/${path}`));
    s3.proxy.failWhen = ({ method, key, attempt }) => method === "PUT" && flaky.has(key) && attempt === 1;
    const summary = await publish(dir, "pr-5");
    expect(summary.ok).toBe(true);
    expect(summary.uploaded).toHaveLength(SITE_FILES);
    expect(s3.proxy.count("PUT")).toBe(SITE_FILES + flaky.size);
    const contents = await s3.contents();
    for (const key of flaky) expect(contents.get(key)).toBe(await readFile(join(dir, key.slice("pr-5/".length)), "utf8"));
  });

  test("a PUT that keeps failing deletes nothing, holds back the pages and names the file", async () => {
    const dir = await site("pr-6/");
    await publish(dir, "pr-6");
    await s3.put("pr-6/stale.html", "still here");
    await writeFile(join(dir, "assets/style.CjxkfIYg.css"), "/* changed */");
    await writeFile(join(dir, "index.html"), "<!-- a changed page, no longer VitePress-shaped -->");
    s3.proxy.reset();
    s3.proxy.failWhen = ({ method, key }) => method === "PUT" && key === "pr-6/assets/style.CjxkfIYg.css";
    const summary = await publish(dir, "pr-6");
    expect(summary).toMatchObject({
      ok: false,
      uploaded: [],
      deleted: [],
      skipped: ["pr-6/index.html"],
      failures: [{ action: "upload", key: "pr-6/assets/style.CjxkfIYg.css", path: "assets/style.CjxkfIYg.css", message: "InternalError (HTTP 500): injected by the test proxy" }],
    });
    // the SDK's three attempts, then nothing else but the listing
    expect(s3.proxy.seen.map(({ method, key }) => `${method} ${key}`)).toEqual(["GET ", ...Array(3).fill("PUT pr-6/assets/style.CjxkfIYg.css")]);
    expect((await s3.contents()).get("pr-6/stale.html")).toBe("still here");
  });

  test("a dry run reads the bucket and changes nothing", async () => {
    const dir = await site("pr-7/");
    await publish(dir, "pr-7");
    await s3.put("pr-7/stale.html", "stale");
    await writeFile(join(dir, "index.html"), (await readFile(join(dir, "index.html"), "utf8")).replace("body trimmed", "body edited"));
    const before = await s3.contents();
    s3.proxy.reset();
    const summary = await publish(dir, "pr-7", { dryRun: true });
    expect(summary).toMatchObject({ ok: true, dryRun: true, uploaded: ["pr-7/index.html"], deleted: ["pr-7/stale.html"], bytes: { deleted: 5 } });
    expect(summary.unchanged).toHaveLength(SITE_FILES - 1);
    expect(s3.proxy.seen.map(({ method }) => method)).toEqual(["GET"]);
    expect(await s3.contents()).toEqual(before);
  });

  test("an object whose ETag is not its MD5 (SSE-KMS, multipart) is judged by one HEAD of its sha256", async () => {
    const dir = await site("pr-8/");
    await publish(dir, "pr-8");
    // same size, other bytes, but the sha256 of the local file: what an SSE-KMS object looks like
    const body = await readFile(join(dir, "logo.svg"));
    const sha256 = createHash("sha256").update(body).digest("hex");
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: "pr-8/logo.svg", Body: Buffer.alloc(body.length, 32), Metadata: { sha256 } }));
    s3.proxy.reset();
    const summary = await publish(dir, "pr-8");
    expect(summary).toMatchObject({ uploaded: [], heads: 1 });
    expect(s3.proxy.seen.map(({ method, key }) => `${method} ${key}`)).toEqual(["GET ", "HEAD pr-8/logo.svg"]);
  });

  test("refuses a VitePress build for another base before sending anything", async () => {
    const dir = await site("pr-1/");
    await expect(publish(dir, "pr-9")).rejects.toThrow(
      expect.objectContaining({ code: "EXEMPLAR_PUBLISH_BASE_MISMATCH", message: expect.stringMatching(/index\.html was built with VitePress base "\/pr-1\/" but is published to prefix "pr-9\/"; expected base "\/pr-9\/"/) }),
    );
    expect(s3.proxy.seen).toEqual([]);
  });

  test("a site without a VitePress signature skips the base check", async () => {
    const dir = join(work, "plain");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "index.html"), "<!doctype html><p>hand-written</p>");
    expect(await publish(dir, "plain")).toMatchObject({ ok: true, uploaded: ["plain/index.html"] });
  });

  // last: it rewrites the bucket root that the tests above left objects in
  test("publishing the root with keep ['pr-*'] deletes stale root objects and leaves every preview", async () => {
    await s3.put("pr-9/index.html", "a preview");
    await s3.put("stale-root.html", "gone from the build");
    const dir = join(work, "root-site");
    await copySite(dir, "/");
    const summary = await publish(dir, "", { root: true, keep: ["pr-*"] });
    expect(summary).toMatchObject({ ok: true, prefix: "" });
    expect(summary.deleted).toContain("stale-root.html");
    expect(summary.deleted.filter((key) => key.startsWith("pr-"))).toEqual(["pr-4.html"]);
    const contents = await s3.contents();
    expect(contents.get("pr-9/index.html")).toBe("a preview");
    expect([...contents.keys()].filter((key) => key.startsWith("pr-1/"))).toHaveLength(SITE_FILES);
  });

  test("refuses a bad --keep pattern before anything is read", async () => {
    await expect(publish(join(work, "missing"), "pr-1", { keep: ["../x"] })).rejects.toThrow(expect.objectContaining({ code: "EXEMPLAR_USAGE" }));
    expect(s3.proxy.seen).toEqual([]);
  });

  test("refuses a bad prefix before reading the folder or the bucket", async () => {
    await expect(publish(join(work, "missing"), "../pr-1")).rejects.toThrow(expect.objectContaining({ code: "EXEMPLAR_PUBLISH_PREFIX" }));
    await expect(publish(join(work, "missing"), "")).rejects.toThrow(expect.objectContaining({ code: "EXEMPLAR_PUBLISH_PREFIX" }));
    expect(s3.proxy.seen).toEqual([]);
  });
});
