import { S3Client } from "@aws-sdk/client-s3";

/** How a batch run reaches S3: the endpoint of an S3-compatible server (MinIO, s3rver) and the environment to read credentials from. */
export interface S3Access {
  /** `--s3-endpoint`, e.g. `http://127.0.0.1:9000`: addressed in path style; default AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL, else AWS S3 */
  endpoint?: string;
  /** default `process.env` */
  env?: Record<string, string | undefined>;
}

/**
 * An S3 client for reading batch inputs. Credentials follow the standard AWS chain: static keys
 * from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) when both are set,
 * otherwise the SDK's own chain (profiles, SSO, web identity, instance and container roles); the
 * region is AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1, with redirects to a bucket's
 * region followed. An endpoint (given, or AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL) is addressed in
 * path style, as S3-compatible servers want.
 */
export function createBatchS3Client(access: S3Access = {}): S3Client {
  const env = access.env ?? process.env;
  const accessKeyId = env["AWS_ACCESS_KEY_ID"];
  const secretAccessKey = env["AWS_SECRET_ACCESS_KEY"];
  const sessionToken = env["AWS_SESSION_TOKEN"];
  const endpoint = access.endpoint ?? env["AWS_ENDPOINT_URL_S3"] ?? env["AWS_ENDPOINT_URL"];
  return new S3Client({
    region: env["AWS_REGION"] ?? env["AWS_DEFAULT_REGION"] ?? "us-east-1",
    ...(endpoint === undefined || endpoint === "" ? {} : { endpoint, forcePathStyle: true }),
    followRegionRedirects: true,
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {}),
  });
}
