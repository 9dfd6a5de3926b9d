import { ExemplarError, type ExemplarErrorCode } from "../errors/ExemplarError.ts";
import { GitHubError, type GitHubErrorCode } from "../github/GitHubError.ts";
import { exitCodes } from "./exitCodes.ts";

/** What a command says about an error it did not handle itself. */
export interface CommandError {
  /** from `exitCodes` for a known code; 2 for anything else */
  exitCode: 1 | 2;
  /** the error's stable code, `UNEXPECTED` for an error without one (the `--json` error object) */
  code: ExemplarErrorCode | GitHubErrorCode | "UNEXPECTED";
  /** `exemplar <command>: <shortMessage>`, one line, never a stack */
  line: string;
  /** lines the one line leaves out: the rest of a known error's message (a config's problems), or an unexpected error's stack frames */
  detail: string[];
}

// an error without a code is a bug in exemplar, not something the user's flags fix; main.ts has
// always exited 2 for it, and CI treats 2 as "look at the setup" rather than "a test failed"
const UNEXPECTED_EXIT_CODE = 2;

/**
 * The one description of a thrown value for every command: the exit code from the one table,
 * the one line a terminal shows, and the detail lines below it. Pure; the caller prints it.
 */
export function describeCommandError(command: string, error: unknown): CommandError {
  if (error instanceof ExemplarError || error instanceof GitHubError) {
    const lines = error.message.split("\n");
    // a custom shortMessage summarizes the message: then every line of the message is detail
    const detail = error.message === error.shortMessage ? [] : lines[0] === error.shortMessage ? lines.slice(1) : lines;
    return { exitCode: exitCodes[error.code], code: error.code, line: prefixed(command, error.shortMessage), detail };
  }
  const [first = "", ...rest] = (error instanceof Error ? error.message : String(error)).split("\n");
  const head = error instanceof Error && error.name !== "Error" ? `${error.name}: ${first}` : first;
  const frames = error instanceof Error ? (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)) : [];
  return { exitCode: UNEXPECTED_EXIT_CODE, code: "UNEXPECTED", line: `exemplar ${command}: unexpected error: ${head}`, detail: [...rest, ...frames] };
}

// messages thrown by a command's own flag checks (parseFlags, check, splice) already name it
function prefixed(command: string, message: string): string {
  return message.startsWith(`exemplar ${command}:`) ? message : `exemplar ${command}: ${message}`;
}
