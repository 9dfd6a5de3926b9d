import { expect, test } from "vitest";
import { openBucket } from "../../src/cli/openBucket.ts";

test("refuses a missing bucket, a missing prefix (naming what --root would do) and an endpoint that is no URL", async () => {
  await expect(openBucket({ prefix: "pr-1" }, {}, "empty the bucket root")).rejects.toThrow("missing --bucket: expected the bucket name, e.g. --bucket previews");
  await expect(openBucket({ bucket: "b" }, {}, "empty the bucket root")).rejects.toThrow("missing --prefix: expected a folder such as --prefix pr-123 (or --root to empty the bucket root)");
  await expect(openBucket({ bucket: "b", root: true, endpoint: "127.0.0.1:4568" }, {}, "x")).rejects.toThrow('--endpoint "127.0.0.1:4568" is not an http(s) URL; expected e.g. http://127.0.0.1:4568');
});

test("names the bucket's place: the endpoint, or AWS S3 and the region", async () => {
  const local = await openBucket({ bucket: "b", prefix: "pr-1", endpoint: "http://127.0.0.1:4568" }, {}, "x");
  const aws = await openBucket({ bucket: "b", root: true }, { AWS_REGION: "eu-west-1" }, "x");
  expect([local.bucket, local.where, aws.where]).toEqual(["b", "http://127.0.0.1:4568", "AWS S3 (eu-west-1)"]);
  local.client.destroy();
  aws.client.destroy();
});

test("says to install the AWS SDK, after the flags are checked, when it is missing", async () => {
  const missing = Object.assign(new Error("Cannot find package '@aws-sdk/client-s3' imported from /p/dist/chunk.js"), { code: "ERR_MODULE_NOT_FOUND" });
  const importSdk = () => Promise.reject(missing);
  await expect(openBucket({ prefix: "pr-1" }, {}, "x", importSdk)).rejects.toThrow("missing --bucket");
  await expect(openBucket({ bucket: "b", prefix: "pr-1" }, {}, "x", importSdk)).rejects.toMatchObject({
    code: "EXEMPLAR_PUBLISH_SDK_MISSING",
    message: expect.stringMatching(/^install @aws-sdk\/client-s3 to publish: npm install -D @aws-sdk\/client-s3 /),
  });
});
