import { formatProblem, maxListedProblems, type Problem } from "./Problem.ts";

/**
 * Codes are stable: clients, alerts and tests match on them; messages may improve.
 */
export type EnvelopeErrorCode =
  | "ENVELOPE_MALFORMED_JSON"
  | "ENVELOPE_INVALID"
  | "ENVELOPE_UNAUTHORIZED"
  | "ENVELOPE_FORBIDDEN"
  | "ENVELOPE_NOT_FOUND"
  | "ENVELOPE_METHOD_NOT_ALLOWED"
  | "ENVELOPE_TOO_LARGE"
  | "ENVELOPE_SERVER"
  | "ENVELOPE_NETWORK"
  | "ENVELOPE_TRACKING_FAILED"
  | "ENVELOPE_CONFIG"
  | "ENVELOPE_STORE"
  | "ENVELOPE_NOT_SERVABLE"
  | "ENVELOPE_MODEL_FAILED"
  | "ENVELOPE_MODEL_CRASHED"
  | "ENVELOPE_MODEL_TIMEOUT"
  | "ENVELOPE_OVERLOADED";

/** The HTTP status each code is served with (network and client-side codes have none). */
export const statusOf: Record<EnvelopeErrorCode, number | undefined> = {
  ENVELOPE_MALFORMED_JSON: 400,
  ENVELOPE_INVALID: 422,
  ENVELOPE_UNAUTHORIZED: 401,
  ENVELOPE_FORBIDDEN: 403,
  ENVELOPE_NOT_FOUND: 404,
  ENVELOPE_METHOD_NOT_ALLOWED: 405,
  ENVELOPE_TOO_LARGE: 413,
  ENVELOPE_SERVER: 500,
  ENVELOPE_NETWORK: undefined,
  ENVELOPE_TRACKING_FAILED: undefined,
  ENVELOPE_CONFIG: undefined,
  ENVELOPE_STORE: undefined,
  ENVELOPE_NOT_SERVABLE: undefined,
  ENVELOPE_MODEL_FAILED: 500,
  ENVELOPE_MODEL_CRASHED: 500,
  ENVELOPE_MODEL_TIMEOUT: 504,
  ENVELOPE_OVERLOADED: 503,
};

export interface EnvelopeErrorOptions {
  cause?: unknown;
  problems?: Problem[];
  /** the HTTP status when the error came from (or goes to) the wire */
  status?: number;
  /** extra machine-readable facts, e.g. `{ limit: 1048576 }` for a 413 */
  details?: Record<string, unknown>;
}

/**
 * An error a user can act on: `message` says what was wrong, where and what was expected, and
 * lists every problem on its own line; `shortMessage` is one line for terminals and alerts.
 */
export class EnvelopeError extends Error {
  override name = "EnvelopeError";
  readonly code: EnvelopeErrorCode;
  readonly status: number | undefined;
  readonly problems: Problem[];
  readonly details: Record<string, unknown>;
  readonly shortMessage: string;

  constructor(code: EnvelopeErrorCode, message: string, options: EnvelopeErrorOptions = {}) {
    const problems = options.problems ?? [];
    const full = problems.length === 0 ? message : [message, ...problems.map((problem) => `  - ${formatProblem(problem)}`)].join("\n");
    super(full, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? statusOf[code];
    this.problems = problems;
    this.details = options.details ?? {};
    this.shortMessage = message;
  }
}

/**
 * Throws the 422 for a non-empty list of problems; `what` names the thing checked. A list longer
 * than `maxListedProblems` (a `Checks` keeps one more than it lists) gives the first ones, says
 * there were more, and sets `problemsTruncated`.
 */
export function assertNoProblems(problems: Problem[], what: string): void {
  if (problems.length === 0) return;
  if (problems.length > maxListedProblems) {
    const message = `more than ${maxListedProblems} problems in ${what} (the first ${maxListedProblems} listed)`;
    throw new EnvelopeError("ENVELOPE_INVALID", message, { problems: problems.slice(0, maxListedProblems), details: { problemsTruncated: true } });
  }
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  throw new EnvelopeError("ENVELOPE_INVALID", `${count} in ${what}`, { problems });
}
