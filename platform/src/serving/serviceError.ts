import { EnvelopeError, type EnvelopeErrorCode } from "../errors/EnvelopeError.ts";
import type { ErrorBody } from "../server/errorBody.ts";

/**
 * The status, code and JSON body for an error while answering a request. An `EnvelopeError` with
 * a status is answered as it is: 4xx for the caller's input, 500/504 for the model (whose message
 * belongs to the service's owner and helps the caller report it). Anything else is a bug of ours:
 * a 500 that says so without leaking internals. A refusal that says when to retry
 * (`details.retryAfterSeconds`, the 503 of a full queue) gets a `Retry-After` header.
 */
export function serviceError(error: unknown): { status: number; code: EnvelopeErrorCode; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof EnvelopeError && error.status !== undefined) {
    const { modelError: _modelError, ...details } = error.details;
    const retryAfter = details["retryAfterSeconds"];
    const headers: Record<string, string> = typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {};
    return { status: error.status, code: error.code, headers, body: { error: { ...details, code: error.code, status: error.status, message: error.shortMessage, problems: error.problems } } };
  }
  return { status: 500, code: "ENVELOPE_SERVER", headers: {}, body: { error: { code: "ENVELOPE_SERVER", status: 500, message: "internal error in the prediction service; it has been logged", problems: [] } } };
}
