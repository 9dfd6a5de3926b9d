import { S3Client } from "@aws-sdk/client-s3";

/** How to reach the bucket; `env` is the command's environment. */
export interface S3ClientOptions {
  /** an S3-compatible endpoint (`http://127.0.0.1:4568`); AWS S3 when absent */
  endpoint?: string | undefined;
  /** path-style URLs (`endpoint/bucket/key`), which most S3-compatible servers need */
  pathStyle?: boolean | undefined;
  region?: string | undefined;
  env: Record<string, string | undefined>;
  /** attempts per request, the first included; the SDK retries 5xx, throttling and network errors */
  maxAttempts?: number | undefined;
}

/**
 * An S3 client for publishing. Credentials follow the standard AWS chain: static keys from
 * `env` (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) when both are set,
 * otherwise the SDK's own chain (profiles, SSO, web identity, container and instance roles),
 * which reads the process environment. The region is `region`, else AWS_REGION or
 * AWS_DEFAULT_REGION from `env`, else us-east-1; redirects to a bucket's real region are followed.
 */
export function createS3Client(options: S3ClientOptions): S3Client {
  const { env } = options;
  const accessKeyId = env["AWS_ACCESS_KEY_ID"];
  const secretAccessKey = env["AWS_SECRET_ACCESS_KEY"];
  const sessionToken = env["AWS_SESSION_TOKEN"];
  return new S3Client({
    region: regionOf(options),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    forcePathStyle: options.pathStyle === true,
    followRegionRedirects: true,
    maxAttempts: options.maxAttempts ?? 3,
    // a dead endpoint should fail in seconds, not hang until the OS gives up
    requestHandler: { connectionTimeout: 10_000 },
    ...(accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } }
      : {}),
  });
}

/** The region `createS3Client` uses for these options. */
export function regionOf(options: Pick<S3ClientOptions, "region" | "env">): string {
  return options.region ?? options.env["AWS_REGION"] ?? options.env["AWS_DEFAULT_REGION"] ?? "us-east-1";
}
