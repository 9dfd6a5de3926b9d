import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { exitCode, exitCodes, type ExitCode } from "./exitCodes.ts";
import { UsageError } from "./UsageError.ts";

/** What `envelope` prints on stderr for an error, without the final newline, and the code it exits with. */
export interface ErrorExit {
  text: string;
  exitCode: ExitCode;
}

/**
 * Turns anything a command threw into its stderr text and exit code (from `exitCodes`): one line
 * `envelope <command>: <message>`, never a stack. A usage error names its own command and points
 * to that command's --help; an EnvelopeError that lists problems keeps them, one indented line
 * each under that line, because they say what to fix. Any other error exits 1 with its message.
 * `command` is the command that ran, as typed ("deploy-rule add"); undefined before one was known.
 */
export function errorExit(error: unknown, command: string | undefined): ErrorExit {
  if (error instanceof UsageError) {
    const top = error.command?.split(" ")[0];
    return { text: `${prefix(error.command)}: ${error.message} (see \`${prefix(top)} --help\`)`, exitCode: exitCodes[error.code] };
  }
  if (error instanceof EnvelopeError) return { text: `${prefix(command)}: ${error.message}`, exitCode: exitCodes[error.code] };
  const message = error instanceof Error ? error.message || error.name : String(error);
  return { text: `${prefix(command)}: ${message}`, exitCode: exitCode.failed };
}

function prefix(command: string | undefined): string {
  return command === undefined ? "envelope" : `envelope ${command}`;
}
