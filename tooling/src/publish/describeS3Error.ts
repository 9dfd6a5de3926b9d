import { ExemplarError } from "../errors/ExemplarError.ts";
import { describeTimeout, TIMEOUT_ADVICE } from "./describeTimeout.ts";
import { errorCode } from "./errorCode.ts";
import { formatS3Error } from "./formatS3Error.ts";

/** Where the failing request went, for the message. */
export interface S3Place {
  bucket: string;
  /** the endpoint URL as given, or a description such as `AWS S3 (us-east-1)` */
  where: string;
}

const UNREACHABLE = new Map([
  ["ECONNREFUSED", "connection refused"],
  ["ENOTFOUND", "host not found"],
  ["EAI_AGAIN", "host name lookup failed"],
  ["ETIMEDOUT", "connection timed out"],
  ["TimeoutError", "connection timed out"],
  ["ECONNRESET", "connection reset"],
  ["EHOSTUNREACH", "host unreachable"],
  ["ENETUNREACH", "network unreachable"],
]);
const REJECTED_CREDENTIALS = new Set(["InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired"]);

/**
 * Turns the first failing S3 request of a publish into one actionable line naming the value:
 * a missing bucket, an endpoint that cannot be reached or never answers, credentials that are
 * missing or refused;
 * anything else keeps the S3 code, status and message. Pure; the SDK error becomes `cause`; an
 * `ExemplarError` is returned as it is.
 */
export function describeS3Error(error: unknown, place: S3Place): ExemplarError {
  // already says what to do (the SDK is not installed, see loadS3)
  if (error instanceof ExemplarError) return error;
  const code = error instanceof Error ? errorCode(error) : "";
  const name = error instanceof Error ? error.name : "";
  const bucket = JSON.stringify(place.bucket);
  if (code === "NoSuchBucket" || name === "NoSuchBucket") {
    return new ExemplarError("EXEMPLAR_PUBLISH_BUCKET_NOT_FOUND", `bucket ${bucket} does not exist at ${place.where}`, { cause: error });
  }
  const timeout = describeTimeout(error);
  if (timeout !== undefined) {
    return new ExemplarError("EXEMPLAR_PUBLISH_TIMEOUT", `S3 request for bucket ${bucket} at ${place.where} timed out: ${timeout}; ${TIMEOUT_ADVICE}`, { cause: error });
  }
  const unreachable = UNREACHABLE.get(code) ?? UNREACHABLE.get(name);
  if (unreachable !== undefined) {
    return new ExemplarError("EXEMPLAR_PUBLISH_UNREACHABLE", `cannot reach ${place.where} for bucket ${bucket} (${unreachable}); expected an S3 endpoint there`, { cause: error });
  }
  if (name === "CredentialsProviderError") {
    return new ExemplarError(
      "EXEMPLAR_PUBLISH_CREDENTIALS",
      `no AWS credentials found for bucket ${bucket}; expected AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile (AWS_PROFILE) in the shared config files`,
      { cause: error },
    );
  }
  if (REJECTED_CREDENTIALS.has(code)) {
    return new ExemplarError("EXEMPLAR_PUBLISH_CREDENTIALS", `${place.where} refused the credentials for bucket ${bucket} (${formatS3Error(error)})`, { cause: error });
  }
  return new ExemplarError("EXEMPLAR_PUBLISH_REMOTE", `S3 request for bucket ${bucket} at ${place.where} failed: ${formatS3Error(error)}`, { cause: error });
}
