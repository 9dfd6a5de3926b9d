import { expect, test } from "vitest";
import { errorExit } from "../../src/cli/errorExit.ts";
import { UsageError } from "../../src/cli/UsageError.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";

test.each([
  // a usage error names its own command and points to the help of the top command
  [new UsageError("deploy-rule add", "Unknown option '--dir'; expected one of --service"), "serve", { text: "envelope deploy-rule add: Unknown option '--dir'; expected one of --service (see `envelope deploy-rule --help`)", exitCode: 2 }],
  // before a command is known, the prefix and the help are envelope's
  [new UsageError(undefined, 'unknown command "x"; expected one of usage'), undefined, { text: 'envelope: unknown command "x"; expected one of usage (see `envelope --help`)', exitCode: 2 }],
  // a configuration error exits 2
  [new EnvelopeError("ENVELOPE_CONFIG", "no registry: pass --url and --token"), "usage", { text: "envelope usage: no registry: pass --url and --token", exitCode: 2 }],
  // any other code exits 1
  [new EnvelopeError("ENVELOPE_NETWORK", "GET /models: no answer from the registry at http://127.0.0.1:9 (ECONNREFUSED)"), "deploy-rule list", { text: "envelope deploy-rule list: GET /models: no answer from the registry at http://127.0.0.1:9 (ECONNREFUSED)", exitCode: 1 }],
  // the problems stay, one indented line each: they say what to fix
  [new EnvelopeError("ENVELOPE_INVALID", '1 problem in MODEL "churn@v3"', { problems: [{ path: "MODEL.version", expected: "a version number", got: '"v3"' }] }), "serve", { text: 'envelope serve: 1 problem in MODEL "churn@v3"\n  - MODEL.version: expected a version number, got "v3"', exitCode: 1 }],
  // an unexpected error: its message, no stack, exit 1
  [new Error("listen EADDRINUSE: address already in use 127.0.0.1:8080"), "registry", { text: "envelope registry: listen EADDRINUSE: address already in use 127.0.0.1:8080", exitCode: 1 }],
  // an error without a message still says something
  [new TypeError(""), "usage", { text: "envelope usage: TypeError", exitCode: 1 }],
  // something thrown that is not an Error
  ["boom", "reconcile", { text: "envelope reconcile: boom", exitCode: 1 }],
] as const)("errorExit(%s, %j)", (error, command, expected) => {
  expect(errorExit(error, command)).toEqual(expected);
});
