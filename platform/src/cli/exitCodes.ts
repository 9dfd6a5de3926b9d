import type { EnvelopeErrorCode } from "../errors/EnvelopeError.ts";
import type { UsageError } from "./UsageError.ts";

/** What `envelope` exits with: 0 ok, 1 failed, 2 usage or configuration error. */
export const exitCode = { ok: 0, failed: 1, usage: 2 } as const;

export type ExitCode = (typeof exitCode)[keyof typeof exitCode];

/** Every error code the CLI can meet: the platform's, and its own for a refused command line. */
export type CliErrorCode = EnvelopeErrorCode | UsageError["code"];

/**
 * The exit code of each error code, and the only place that decides it (see errorExit). A Record,
 * so a new EnvelopeErrorCode does not compile until it is given an exit code here.
 */
export const exitCodes: Readonly<Record<CliErrorCode, ExitCode>> = {
  // the user can fix these without anything else changing: the command line, the flags, the environment
  ENVELOPE_USAGE: exitCode.usage,
  ENVELOPE_CONFIG: exitCode.usage,
  // the command ran and something failed: the registry said no, was not there, or a model broke
  ENVELOPE_MALFORMED_JSON: exitCode.failed,
  // also a MODEL argument that does not parse (churn@v3): it is checked by the same rules as a saved
  // envelope, so it carries the problems, not a usage error
  ENVELOPE_INVALID: exitCode.failed,
  ENVELOPE_UNAUTHORIZED: exitCode.failed,
  ENVELOPE_FORBIDDEN: exitCode.failed,
  ENVELOPE_NOT_FOUND: exitCode.failed,
  ENVELOPE_METHOD_NOT_ALLOWED: exitCode.failed,
  ENVELOPE_TOO_LARGE: exitCode.failed,
  ENVELOPE_SERVER: exitCode.failed,
  ENVELOPE_NETWORK: exitCode.failed,
  ENVELOPE_TRACKING_FAILED: exitCode.failed,
  ENVELOPE_STORE: exitCode.failed,
  ENVELOPE_NOT_SERVABLE: exitCode.failed,
  ENVELOPE_MODEL_FAILED: exitCode.failed,
  ENVELOPE_MODEL_CRASHED: exitCode.failed,
  ENVELOPE_MODEL_TIMEOUT: exitCode.failed,
  ENVELOPE_OVERLOADED: exitCode.failed,
};
