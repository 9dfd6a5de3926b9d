import { describeTimeout, TIMEOUT_ADVICE } from "./describeTimeout.ts";
import { errorCode } from "./errorCode.ts";

/**
 * One line for an error from the S3 client: the S3 error code or Node error code, the HTTP status
 * when there was a response, and the message's first line (`InternalError (HTTP 500): We
 * encountered an internal error`). A request that timed out on every attempt says so and what to
 * do (see `describeTimeout`). Never includes request headers, so never credentials.
 */
export function formatS3Error(error: unknown): string {
  if (!(error instanceof Error)) return String(error).split("\n")[0]!;
  const timeout = describeTimeout(error);
  if (timeout !== undefined) return `TimeoutError: ${timeout}; ${TIMEOUT_ADVICE}`;
  const code = errorCode(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const message = error.message.split("\n")[0]!.trim();
  const head = [code, status === undefined ? undefined : `(HTTP ${status})`].filter(Boolean).join(" ");
  if (message === "" || message === code || message === "UnknownError") return head || "unknown error";
  return head === "" ? message : `${head}: ${message}`;
}
