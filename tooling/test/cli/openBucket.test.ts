import { expect, test } from "vitest";
import { openBucket } from "../../src/cli/openBucket.ts";

test("refuses a missing bucket, a missing prefix (naming what --root would do) and an endpoint that is no URL", () => {
  expect(() => openBucket({ prefix: "pr-1" }, {}, "empty the bucket root")).toThrow("missing --bucket: expected the bucket name, e.g. --bucket previews");
  expect(() => openBucket({ bucket: "b" }, {}, "empty the bucket root")).toThrow("missing --prefix: expected a folder such as --prefix pr-123 (or --root to empty the bucket root)");
  expect(() => openBucket({ bucket: "b", root: true, endpoint: "127.0.0.1:4568" }, {}, "x")).toThrow('--endpoint "127.0.0.1:4568" is not an http(s) URL; expected e.g. http://127.0.0.1:4568');
});

test("names the bucket's place: the endpoint, or AWS S3 and the region", () => {
  const local = openBucket({ bucket: "b", prefix: "pr-1", endpoint: "http://127.0.0.1:4568" }, {}, "x");
  const aws = openBucket({ bucket: "b", root: true }, { AWS_REGION: "eu-west-1" }, "x");
  expect([local.bucket, local.where, aws.where]).toEqual(["b", "http://127.0.0.1:4568", "AWS S3 (eu-west-1)"]);
  local.client.destroy();
  aws.client.destroy();
});
