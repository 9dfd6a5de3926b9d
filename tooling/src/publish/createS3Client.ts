import { S3Client } from "@aws-sdk/client-s3";

/** How to reach the bucket; `env` is the command's environment. */
export interface S3ClientOptions {
  /** an S3-compatible endpoint (`http://127.0.0.1:4568`); AWS S3 when absent */
  endpoint?: string | undefined;
  /** path-style URLs (`endpoint/bucket/key`), which most S3-compatible servers need */
  pathStyle?: boolean | undefined;
  region?: string | undefined;
  env: Record<string, string | undefined>;
  /** attempts per request, the first included; the SDK retries 5xx, throttling, network errors and timeouts */
  maxAttempts?: number | undefined;
  /** how long a request may wait, in milliseconds; see `S3Timeouts` */
  timeouts?: Partial<S3Timeouts> | undefined;
}

/** How long one attempt of a request may take before it is abandoned (and retried), in milliseconds. */
export interface S3Timeouts {
  /** to connect */
  connect: number;
  /** with nothing sent or received: a server that took the request and never answers */
  idle: number;
  /** in all, from sending to the end of the answer: a server that trickles */
  request: number;
}

/** 10 s to connect, 30 s without progress, 5 minutes in all (an 8 MiB part at 28 KB/s). */
export const DEFAULT_S3_TIMEOUTS: S3Timeouts = { connect: 10_000, idle: 30_000, request: 300_000 };

/**
 * An S3 client for publishing. Credentials follow the standard AWS chain: static keys from
 * `env` (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) when both are set,
 * otherwise the SDK's own chain (profiles, SSO, web identity, container and instance roles),
 * which reads the process environment. The region is `region`, else AWS_REGION or
 * AWS_DEFAULT_REGION from `env`, else us-east-1; redirects to a bucket's real region are followed.
 * No request can hang: every attempt is bounded by `timeouts` (`DEFAULT_S3_TIMEOUTS`), and a timed
 * out attempt is retried like a 5xx, up to `maxAttempts` (default 3) with the SDK's standard
 * backoff; the error of the last attempt carries `$metadata.attempts`.
 */
export function createS3Client(options: S3ClientOptions): S3Client {
  const { env } = options;
  const accessKeyId = env["AWS_ACCESS_KEY_ID"];
  const secretAccessKey = env["AWS_SECRET_ACCESS_KEY"];
  const sessionToken = env["AWS_SESSION_TOKEN"];
  const timeouts = { ...DEFAULT_S3_TIMEOUTS, ...options.timeouts };
  return new S3Client({
    region: regionOf(options),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    forcePathStyle: options.pathStyle === true,
    followRegionRedirects: true,
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: {
      connectionTimeout: timeouts.connect,
      socketTimeout: timeouts.idle,
      requestTimeout: timeouts.request,
      // without it the SDK only logs a warning when the request timeout passes
      throwOnRequestTimeout: true,
    },
    ...(accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } }
      : {}),
  });
}

/** The region `createS3Client` uses for these options. */
export function regionOf(options: Pick<S3ClientOptions, "region" | "env">): string {
  return options.region ?? options.env["AWS_REGION"] ?? options.env["AWS_DEFAULT_REGION"] ?? "us-east-1";
}
