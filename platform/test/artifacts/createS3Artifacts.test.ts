import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Artifacts } from "../../src/artifacts/createS3Artifacts.ts";
import { openArtifacts } from "../../src/artifacts/openArtifacts.ts";
import { envelopeBody } from "../support/models.ts";
import { startTestRegistry } from "../support/startTestRegistry.ts";

// a real S3-compatible server on loopback (s3rver), with the v3 SDK in path style
describe("createS3Artifacts", () => {
  let server: S3rver;
  let directory: string;
  let client: S3Client;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "envelope-s3rver-"));
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: "models" }] });
    const { port } = await server.run();
    client = new S3Client({
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      region: "us-east-1",
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("stores bytes by content hash under the prefix and reads them back", async () => {
    const artifacts = createS3Artifacts({ client, bucket: "models", prefix: "/envelopes/" });
    const bytes = new TextEncoder().encode('{"weights":[0.5,1.5]}');
    const info = await artifacts.put(bytes, "application/json");
    expect(info).toEqual({ mediaType: "application/json", size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") });
    expect((await artifacts.get(info.sha256))?.toString()).toBe('{"weights":[0.5,1.5]}');
    const listed = await client.send(new ListObjectsV2Command({ Bucket: "models" }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual([`envelopes/${info.sha256.slice(0, 2)}/${info.sha256}`]);
  });

  it("does not upload equal bytes twice", async () => {
    const artifacts = createS3Artifacts({ client, bucket: "models", prefix: "dedupe" });
    const bytes = new Uint8Array([1, 2, 3]);
    const first = await artifacts.put(bytes, "application/octet-stream");
    const second = await artifacts.put(bytes, "application/octet-stream");
    expect(second).toEqual(first);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: "models", Prefix: "dedupe/" }));
    expect(listed.KeyCount).toBe(1);
  });

  it("answers undefined for an absent artifact and for anything that is not a hash", async () => {
    const artifacts = createS3Artifacts({ client, bucket: "models" });
    expect(await artifacts.get("0".repeat(64))).toBeUndefined();
    expect(await artifacts.get("../../etc/passwd")).toBeUndefined();
  });

  it("names the bucket when it cannot write", async () => {
    const artifacts = createS3Artifacts({ client, bucket: "no-such-bucket" });
    await expect(artifacts.put(new Uint8Array([9]), "application/octet-stream")).rejects.toThrow(
      /could not write artifact [0-9a-f]{64} to s3:\/\/no-such-bucket\//,
    );
  });
});

describe("a registry whose artifacts live in S3", () => {
  let server: S3rver;
  let directory: string;
  let endpoint: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "envelope-s3rver-"));
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: "registry" }] });
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
  });
  afterAll(async () => {
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("saves a model's artifact to the bucket and serves it back", async () => {
    const artifacts = openArtifacts("s3://registry/team-a", { ENVELOPE_S3_ENDPOINT: endpoint, AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" });
    const registry = await startTestRegistry({ artifacts });
    try {
      const headers = { authorization: `Bearer ${registry.tokens.ada}`, "content-type": "application/json" };
      const saved = await fetch(`${registry.url}/v1/models/churn`, { method: "POST", headers, body: JSON.stringify(envelopeBody()) });
      expect(saved.status).toBe(201);
      const artifact = await fetch(`${registry.url}/v1/models/churn/versions/1/artifact`, { headers });
      expect(artifact.status).toBe(200);
      expect(await artifact.json()).toEqual(envelopeBody().function.artifact.data);
      const client = new S3Client({ endpoint, forcePathStyle: true, region: "us-east-1", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
      const listed = await client.send(new ListObjectsV2Command({ Bucket: "registry", Prefix: "team-a/" }));
      client.destroy();
      expect(listed.KeyCount).toBe(1);
    } finally {
      await registry.close();
    }
  }, 60_000);
});
