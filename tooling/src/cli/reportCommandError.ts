import { ExemplarError, type ExemplarErrorCode } from "../errors/ExemplarError.ts";
import type { CommandIo } from "./Command.ts";
import { commandErrorLine } from "./commandErrorLine.ts";

/**
 * Reports a command's error as one line on stderr (a pointer to `--help` for usage errors, a
 * JSON error object on stdout with `--json`) and returns the exit code: 2 for the codes a change
 * of flags or config fixes, 1 for the rest.
 */
export function reportCommandError(command: string, error: unknown, io: CommandIo, options: { json: boolean; usageCodes: ReadonlySet<ExemplarErrorCode> }): number {
  const known = error instanceof ExemplarError;
  const line = commandErrorLine(command, error);
  io.stderr(`${line}\n`);
  if (known && error.code === "EXEMPLAR_USAGE" && !line.includes("--help")) io.stderr(`run \`exemplar ${command} --help\` for the options\n`);
  if (options.json) io.stdout(`${JSON.stringify({ ok: false, error: { code: known ? error.code : "UNEXPECTED", message: line } }, null, 2)}\n`);
  return known && options.usageCodes.has(error.code) ? 2 : 1;
}
