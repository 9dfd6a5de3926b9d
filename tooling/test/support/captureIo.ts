import type { CommandIo } from "../../src/cli/Command.ts";
import { main } from "../../src/cli/main.ts";

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` with its output captured, as a non-interactive terminal. */
export async function runCli(argv: string[], cwd: string): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const io: CommandIo = {
    cwd,
    env: {},
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The last non-empty line of a text. */
export function lastLine(text: string): string {
  return text.trimEnd().split("\n").at(-1)!;
}
