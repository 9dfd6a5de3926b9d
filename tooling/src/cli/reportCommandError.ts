import type { CommandIo } from "./Command.ts";
import { describeCommandError } from "./describeCommandError.ts";

/**
 * Prints a command's error as `describeCommandError` describes it and returns its exit code: the
 * line and its detail on stderr; with `json`, the error object `{ ok: false, error: { code,
 * message } }` on stdout, where a script reads the summary; with `helpHint`, a pointer to
 * `--help` under a usage error whose line does not already give one (publish and unpublish ask
 * for it: their many bucket flags are checked in shared code whose lines cannot name the help).
 */
export function reportCommandError(command: string, error: unknown, io: CommandIo, options: { json?: boolean; helpHint?: boolean } = {}): number {
  const { exitCode, code, line, detail } = describeCommandError(command, error);
  io.stderr([line, ...detail].map((text) => `${text}\n`).join(""));
  if (options.helpHint === true && code === "EXEMPLAR_USAGE" && !line.includes("--help")) io.stderr(`run \`exemplar ${command} --help\` for the options\n`);
  if (options.json === true) io.stdout(`${JSON.stringify({ ok: false, error: { code, message: line } }, null, 2)}\n`);
  return exitCode;
}
