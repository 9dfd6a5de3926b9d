import { ExemplarError } from "../errors/ExemplarError.ts";

/**
 * The one line a command prints for an error: `exemplar <command>: <what went wrong>`, never a
 * stack. Messages that already name the command (from `parseFlags`) keep their prefix.
 */
export function commandErrorLine(command: string, error: unknown): string {
  const message = error instanceof ExemplarError
    ? error.shortMessage
    : `unexpected error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  return message.startsWith(`exemplar ${command}:`) ? message : `exemplar ${command}: ${message}`;
}
