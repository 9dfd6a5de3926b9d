import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { headContentHashes } from "../../src/publish/headContentHashes.ts";
import { startBucket, type TestBucket } from "./helpers/startBucket.ts";

let s3: TestBucket;
beforeAll(async () => {
  s3 = await startBucket();
  await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: "pr-1/with.html", Body: "x", Metadata: { sha256: "abc123" } }));
  await s3.put("pr-1/without.html", "y");
});
afterAll(() => s3.close());

describe("headContentHashes", () => {
  test("reads x-amz-meta-sha256, undefined when absent or when the object is gone", async () => {
    s3.proxy.reset();
    const hashes = await headContentHashes(s3.client, s3.bucket, ["pr-1/with.html", "pr-1/without.html", "pr-1/gone.html"], { concurrency: 2 });
    expect([...hashes]).toEqual([
      ["pr-1/with.html", "abc123"],
      ["pr-1/without.html", undefined],
      ["pr-1/gone.html", undefined],
    ]);
    expect(s3.proxy.count("HEAD")).toBe(3);
  });
});
