import type { S3Client } from "@aws-sdk/client-s3";
import { ExemplarError } from "../errors/ExemplarError.ts";
import { loadS3 } from "../publish/loadS3.ts";

/** The flags `publish` and `unpublish` share: where the bucket is and which part of it. */
export const bucketFlags = {
  bucket: { type: "string" },
  prefix: { type: "string" },
  root: { type: "boolean" },
  keep: { type: "string", multiple: true },
  endpoint: { type: "string" },
  "path-style": { type: "boolean" },
  region: { type: "string" },
  timeout: { type: "string" },
  attempts: { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export interface BucketFlags {
  bucket?: string | undefined;
  prefix?: string | undefined;
  root?: boolean | undefined;
  endpoint?: string | undefined;
  "path-style"?: boolean | undefined;
  region?: string | undefined;
  /** seconds an attempt may go without progress */
  timeout?: string | undefined;
  /** attempts per request */
  attempts?: string | undefined;
}

/** A bucket the flags name, with a client for it and how to name it in a summary. */
export interface OpenBucket {
  bucket: string;
  client: S3Client;
  /** the endpoint, or `AWS S3 (region)` */
  where: string;
}

/**
 * Checks the bucket flags (`rootUse` says what `--root` does, for the message when neither a
 * prefix nor `--root` is given) and makes the S3 client. The caller destroys the client. The AWS
 * SDK is loaded here, once the flags are right: `EXEMPLAR_PUBLISH_SDK_MISSING` says to install it
 * (`importSdk` is for tests, see `loadS3`).
 */
export async function openBucket(flags: BucketFlags, env: Record<string, string | undefined>, rootUse: string, importSdk?: Parameters<typeof loadS3>[0]): Promise<OpenBucket> {
  if (flags.bucket === undefined || flags.bucket === "") throw usage("missing --bucket: expected the bucket name, e.g. --bucket previews");
  if (flags.prefix === undefined && flags.root !== true) throw usage(`missing --prefix: expected a folder such as --prefix pr-123 (or --root to ${rootUse})`);
  const endpoint = flags.endpoint;
  if (endpoint !== undefined && !/^https?:\/\/[^/]+/i.test(endpoint)) throw usage(`--endpoint "${endpoint}" is not an http(s) URL; expected e.g. http://127.0.0.1:4568`);
  const limits = requestLimits(flags);
  // the SDK's multi-line notice about Node 20 would break the one-line output; readers of a
  // publish log cannot act on it
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";
  await loadS3(importSdk);
  // imported only now: createS3Client.ts imports the SDK, which may not be installed
  const { createS3Client, regionOf } = await import("../publish/createS3Client.ts");
  return {
    bucket: flags.bucket,
    client: createS3Client({ endpoint, pathStyle: flags["path-style"], region: flags.region, env, ...limits }),
    where: endpoint ?? `AWS S3 (${regionOf({ region: flags.region, env })})`,
  };
}

/**
 * `--timeout SECONDS` (an attempt with nothing sent or received for that long is abandoned; the
 * whole attempt may take ten times as long, at least the default 5 minutes) and `--attempts N`.
 */
function requestLimits(flags: BucketFlags): { maxAttempts?: number; timeouts?: { idle: number; request: number } } {
  const limits: { maxAttempts?: number; timeouts?: { idle: number; request: number } } = {};
  if (flags.timeout !== undefined) {
    const seconds = Number(flags.timeout);
    if (flags.timeout.trim() === "" || !Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw usage(`--timeout "${flags.timeout}" is not a number of seconds above 0 and at most 3600`);
    const idle = Math.round(seconds * 1000);
    limits.timeouts = { idle, request: Math.max(idle * 10, 300_000) };
  }
  if (flags.attempts !== undefined) {
    const attempts = Number(flags.attempts);
    if (!Number.isInteger(attempts) || attempts < 1 || attempts > 10) throw usage(`--attempts "${flags.attempts}" is not a whole number from 1 to 10`);
    limits.maxAttempts = attempts;
  }
  return limits;
}

/** A refusal that a change of flags fixes (exit code 2). */
export function usage(message: string): ExemplarError {
  return new ExemplarError("EXEMPLAR_USAGE", message);
}
