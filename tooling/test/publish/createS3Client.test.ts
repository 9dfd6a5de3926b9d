import { afterEach, describe, expect, test } from "vitest";
import type { S3Client } from "@aws-sdk/client-s3";
import { createS3Client, regionOf } from "../../src/publish/createS3Client.ts";

describe("regionOf", () => {
  test.each([
    // the flag wins
    [{ region: "eu-west-1", env: { AWS_REGION: "us-west-2" } }, "eu-west-1"],
    // then the environment, AWS_REGION before AWS_DEFAULT_REGION
    [{ env: { AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "ap-south-1" } }, "us-west-2"],
    [{ env: { AWS_DEFAULT_REGION: "ap-south-1" } }, "ap-south-1"],
    // then a default that S3-compatible servers accept
    [{ env: {} }, "us-east-1"],
  ])("%j -> %s", (options, expected) => {
    expect(regionOf(options)).toBe(expected);
  });
});

describe("createS3Client", () => {
  let client: S3Client | undefined;
  afterEach(() => client?.destroy());

  test("takes static credentials, endpoint, path style and retries from its options", async () => {
    client = createS3Client({ endpoint: "http://127.0.0.1:9", pathStyle: true, env: { AWS_ACCESS_KEY_ID: "KEY", AWS_SECRET_ACCESS_KEY: "SECRET", AWS_SESSION_TOKEN: "TOKEN" } });
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: "KEY", secretAccessKey: "SECRET", sessionToken: "TOKEN" });
    expect(await client.config.region()).toBe("us-east-1");
    expect(client.config.forcePathStyle).toBe(true);
    expect(await client.config.maxAttempts()).toBe(3);
    const endpoint = await client.config.endpoint?.();
    expect(`${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`).toBe("http://127.0.0.1:9");
  });
});
