import { readFileSync } from "node:fs";
import path from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

/** an S3-compatible server (s3rver) on loopback holding `files` under their keys in bucket `clients`; for the batch S3 example; `close` stops it */
export async function startBucket(dir: string, files: Record<string, string>) {
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(dir, "s3"), configureBuckets: [{ name: "clients" }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, forcePathStyle: true, region: "us-east-1", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  for (const [key, file] of Object.entries(files)) await client.send(new PutObjectCommand({ Bucket: "clients", Key: key, Body: readFileSync(file) }));
  client.destroy();
  return { endpoint, close: () => server.close() };
}

