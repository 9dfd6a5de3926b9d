import { expect, test } from "vitest";
import { exitCodes, type CliErrorCode, type ExitCode } from "../../src/cli/exitCodes.ts";
import { statusOf } from "../../src/errors/EnvelopeError.ts";

// typed as a Record too, so a code added to EnvelopeErrorCode fails to compile here as well as in the table
const expected: Record<CliErrorCode, ExitCode> = {
  // a refused command line: unknown command, subcommand, flag or argument
  ENVELOPE_USAGE: 2,
  // flags and environment: --port 70000, no --url/--token, a broken --file
  ENVELOPE_CONFIG: 2,
  // the registry said the request was not JSON
  ENVELOPE_MALFORMED_JSON: 1,
  // an envelope with problems, or a MODEL argument that does not parse (churn@v3)
  ENVELOPE_INVALID: 1,
  // the token is unknown or expired
  ENVELOPE_UNAUTHORIZED: 1,
  // the token's team may not do this
  ENVELOPE_FORBIDDEN: 1,
  // no such model or version
  ENVELOPE_NOT_FOUND: 1,
  // the registry does not answer this method there
  ENVELOPE_METHOD_NOT_ALLOWED: 1,
  // a body over the registry's limit
  ENVELOPE_TOO_LARGE: 1,
  // the registry failed
  ENVELOPE_SERVER: 1,
  // no answer from the registry
  ENVELOPE_NETWORK: 1,
  // usage events could not be recorded
  ENVELOPE_TRACKING_FAILED: 1,
  // the data directory is locked or the store cannot be opened
  ENVELOPE_STORE: 1,
  // the model has no code to serve
  ENVELOPE_NOT_SERVABLE: 1,
  // the model threw, crashed its worker or was too slow
  ENVELOPE_MODEL_FAILED: 1,
  ENVELOPE_MODEL_CRASHED: 1,
  ENVELOPE_MODEL_TIMEOUT: 1,
  ENVELOPE_OVERLOADED: 1,
};

test.each(Object.entries(expected))("%s exits %i", (code, exit) => {
  expect(exitCodes[code as CliErrorCode]).toBe(exit);
});

test("every EnvelopeErrorCode has an exit code, even when the table is not typechecked", () => {
  // statusOf is a Record over every EnvelopeErrorCode: the codes as they exist at run time
  const missing = Object.keys(statusOf).filter((code) => !Object.hasOwn(exitCodes, code));
  expect(missing).toEqual([]);
  expect(Object.keys(exitCodes).sort()).toEqual([...Object.keys(statusOf), "ENVELOPE_USAGE"].sort());
});
