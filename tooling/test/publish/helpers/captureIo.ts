import type { CommandIo } from "../../../src/cli/Command.ts";

/** A CommandIo that records what a command writes. */
export interface CapturedIo extends CommandIo {
  out: string[];
  err: string[];
}

/** Captures stdout and stderr; `env` is exactly what the test gives, nothing from the process. */
export function captureIo(cwd: string, env: Record<string, string | undefined>): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, env, isTTY: false, out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
}
