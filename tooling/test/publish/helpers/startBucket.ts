import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { createS3Client } from "../../../src/publish/createS3Client.ts";
import { startProxy, type Proxy } from "./startProxy.ts";
import { startS3rver, type RunningS3rver } from "./startS3rver.ts";

/** s3rver's fixed account */
export const S3RVER_ENV = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" };

/** s3rver with bucket `site`, a counting proxy in front of it, and a client that goes through it. */
export interface TestBucket {
  bucket: string;
  server: RunningS3rver;
  proxy: Proxy;
  /** the client the code under test uses: through the proxy */
  client: S3Client;
  /** puts an object directly on s3rver, bypassing the proxy's counts */
  put: (key: string, body: string) => Promise<void>;
  /** every key and its content in the bucket, read directly from s3rver */
  contents: () => Promise<Map<string, string>>;
  /** every key in the bucket, sorted, from every listing page, read directly from s3rver */
  keys: () => Promise<string[]>;
  close: () => Promise<void>;
}

export async function startBucket(): Promise<TestBucket> {
  const bucket = "site";
  const server = await startS3rver([bucket]);
  const proxy = await startProxy(server.port);
  const client = createS3Client({ endpoint: proxy.endpoint, pathStyle: true, env: S3RVER_ENV });
  const direct = createS3Client({ endpoint: server.endpoint, pathStyle: true, env: S3RVER_ENV });
  return {
    bucket,
    server,
    proxy,
    client,
    put: async (key, body) => {
      await direct.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    keys: () => keysOf(direct, bucket),
    contents: async () => {
      const entries = await Promise.all(
        (await keysOf(direct, bucket)).map(async (key) => {
          const object = await direct.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          return [key, await object.Body!.transformToString()] as const;
        }),
      );
      return new Map(entries);
    },
    close: async () => {
      client.destroy();
      direct.destroy();
      await proxy.close();
      await server.close();
    },
  };
}

async function keysOf(client: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ...(token === undefined ? {} : { ContinuationToken: token }) }));
    for (const { Key } of page.Contents ?? []) keys.push(Key!);
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return keys.sort();
}
