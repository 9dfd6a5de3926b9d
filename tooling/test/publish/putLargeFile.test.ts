import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { PlannedUpload } from "../../src/publish/Plan.ts";
import { publishSite } from "../../src/publish/publishSite.ts";
import { putLargeFile } from "../../src/publish/putLargeFile.ts";
import { startBucket, type TestBucket } from "./helpers/startBucket.ts";

const MiB = 1 << 20;
// three parts of 8 MiB, the last one short
const SIZE = 21 * MiB + 123;
const content = randomBytes(SIZE);
const hex = (algorithm: string, data: Buffer) => createHash(algorithm).update(data).digest("hex");

let s3: TestBucket;
let dir: string;
beforeAll(async () => {
  s3 = await startBucket();
  dir = await mkdtemp(join(tmpdir(), "exemplar-large-"));
  await mkdir(join(dir, "site/media"), { recursive: true });
  await writeFile(join(dir, "site/media/video.mp4"), content);
});
afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  s3.proxy.reset();
  s3.proxy.failWhen = () => false;
});

const planned = (key: string, md5 = hex("md5", content)): PlannedUpload => ({
  key,
  path: "media/video.mp4",
  absolutePath: join(dir, "site/media/video.mp4"),
  size: SIZE,
  md5,
  sha256: hex("sha256", content),
  contentType: "video/mp4",
  cacheControl: "public, max-age=3600",
  phase: "asset",
  reason: "new",
});

const partPuts = () => s3.proxy.seen.filter(({ method }) => method === "PUT").length;

describe("putLargeFile", () => {
  test("uploads the file in 8 MiB parts, with its content type, cache control and sha256", async () => {
    await putLargeFile(s3.client, s3.bucket, planned("a/video.mp4"));
    expect(s3.proxy.seen.map(({ method }) => method)).toEqual(["POST", "PUT", "PUT", "PUT", "POST"]);
    const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "a/video.mp4" }));
    expect(hex("sha256", Buffer.from(await object.Body!.transformToByteArray()))).toBe(hex("sha256", content));
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: "a/video.mp4" }));
    expect(head).toMatchObject({ ContentType: "video/mp4", CacheControl: "public, max-age=3600", Metadata: { sha256: hex("sha256", content) } });
  });

  test("a file that is not what the plan hashed is not completed: the upload is aborted", async () => {
    await expect(putLargeFile(s3.client, s3.bucket, planned("b/video.mp4", "0".repeat(32)))).rejects.toThrow(
      "media/video.mp4 changed while publishing (is a build still writing to the folder?)",
    );
    expect(s3.proxy.seen.map(({ method }) => method)).toEqual(["POST", "PUT", "PUT", "PUT", "DELETE"]);
    expect(await s3.keys()).not.toContain("b/video.mp4");
  });

  test("a part that fails on every attempt aborts the upload and fails with the S3 error", async () => {
    s3.proxy.failWhen = ({ method }) => method === "PUT";
    await expect(putLargeFile(s3.client, s3.bucket, planned("c/video.mp4"), { partConcurrency: 1 })).rejects.toThrow("injected by the test proxy");
    // the first part's three attempts, then no other part: the abort
    expect(partPuts()).toBe(3);
    expect(s3.proxy.seen.at(-1)?.method).toBe("DELETE");
    expect(await s3.keys()).not.toContain("c/video.mp4");
  });
});

describe("publishSite with a file over 16 MiB", () => {
  test("publishes it in parts, and a re-publish uploads nothing", async () => {
    const first = await publishSite({ dir: join(dir, "site"), bucket: s3.bucket, prefix: "site", client: s3.client });
    expect(first).toMatchObject({ ok: true, uploaded: ["site/media/video.mp4"], bytes: { uploaded: SIZE } });
    expect(partPuts()).toBe(3);
    s3.proxy.reset();
    const second = await publishSite({ dir: join(dir, "site"), bucket: s3.bucket, prefix: "site", client: s3.client });
    // s3rver lists a multipart object with its MD5 as ETag; S3's `…-3` costs one HEAD (see compareContent)
    expect(second).toMatchObject({ ok: true, uploaded: [], unchanged: ["site/media/video.mp4"], heads: 0 });
    expect(partPuts()).toBe(0);
  });
});
