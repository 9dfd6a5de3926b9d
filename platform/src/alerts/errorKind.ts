import { EnvelopeError } from "../errors/EnvelopeError.ts";

/** The kind of a failure for rate limiting and fixes: the error code (`ENVELOPE_INVALID`, ...), or the class name. */
export function errorKind(error: unknown): string {
  if (error instanceof EnvelopeError) return error.code;
  return error instanceof Error ? error.name : "unknown";
}

/** Whether a failure deserves an alert: an answer of 4xx or 5xx, or no answer at all. */
export function isAlertable(error: unknown): boolean {
  return error instanceof EnvelopeError && (error.status !== undefined || error.code === "ENVELOPE_NETWORK");
}
