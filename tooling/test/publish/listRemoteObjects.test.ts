import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listRemoteObjects } from "../../src/publish/listRemoteObjects.ts";
import { startBucket, type TestBucket } from "./helpers/startBucket.ts";

let s3: TestBucket;
beforeAll(async () => {
  s3 = await startBucket();
  for (const key of ["pr-1/index.html", "pr-1/assets/a.js", "pr-10/index.html", "pr-1.html", "index.html"]) await s3.put(key, `content of ${key}`);
});
afterAll(() => s3.close());

describe("listRemoteObjects", () => {
  test("lists only keys under the prefix, with size and unquoted ETag", async () => {
    const objects = await listRemoteObjects(s3.client, s3.bucket, "pr-1/");
    expect(objects.map((object) => object.key).sort()).toEqual(["pr-1/assets/a.js", "pr-1/index.html"]);
    expect(objects.find((object) => object.key === "pr-1/index.html")).toEqual({
      key: "pr-1/index.html",
      size: "content of pr-1/index.html".length,
      etag: createHash("md5").update("content of pr-1/index.html").digest("hex"),
    });
  });

  test("the root prefix lists the whole bucket", async () => {
    expect((await listRemoteObjects(s3.client, s3.bucket, "")).length).toBe(5);
  });

  test("a missing bucket rejects with the SDK's NoSuchBucket", async () => {
    await expect(listRemoteObjects(s3.client, "nope", "pr-1/")).rejects.toMatchObject({ name: "NoSuchBucket" });
  });
});
