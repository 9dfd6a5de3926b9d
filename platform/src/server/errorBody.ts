import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { maxListedProblems, type Problem } from "../errors/Problem.ts";

/** The JSON every error response carries. */
export interface ErrorBody {
  error: { code: string; status: number; message: string; problems: Problem[] } & Record<string, unknown>;
}

/**
 * The status and body for an error thrown by a handler. Anything that is not an `EnvelopeError`
 * is a bug of ours: a 500 that says so without leaking internals. At most `maxListedProblems`
 * problems are sent, whoever made the list, so that no answer grows with its request.
 */
export function errorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof EnvelopeError && error.status !== undefined && error.status < 500) {
    const truncated = error.problems.length > maxListedProblems ? { problemsTruncated: true } : {};
    return { status: error.status, body: { error: { ...error.details, ...truncated, code: error.code, status: error.status, message: error.shortMessage, problems: error.problems.slice(0, maxListedProblems) } } };
  }
  return { status: 500, body: { error: { code: "ENVELOPE_SERVER", status: 500, message: "internal error in the registry; it has been logged", problems: [] } } };
}
