import type { CliIo } from "./CliIo.ts";
import { commandTable } from "./commandTable.ts";
import { errorExit } from "./errorExit.ts";
import { exitCode, exitCodes } from "./exitCodes.ts";
import { mainHelp } from "./mainHelp.ts";
import { parseCommandLine } from "./parseCommandLine.ts";

const processIo: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), env: process.env, now: () => new Date(), tty: process.stderr.isTTY === true };

/**
 * The `envelope` command line; returns the exit code (0 ok, 1 failed, 2 usage or configuration
 * error). Whatever a command throws is printed and mapped to its exit code by errorExit alone.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [word] = argv;
  if (word === undefined || word === "--help" || word === "-h" || word === "help") {
    io.stdout(`${mainHelp}\n`);
    // no command at all is a usage error, but the list of commands is what helps most
    return word === undefined ? exitCodes.ENVELOPE_USAGE : exitCode.ok;
  }
  let name: string | undefined;
  try {
    const line = parseCommandLine(argv, commandTable);
    name = line.name;
    if (line.help) {
      io.stdout(`${line.command.help}\n`);
      return exitCode.ok;
    }
    return await line.command.run(line.positionals, line.values, io);
  } catch (error) {
    const exit = errorExit(error, name);
    io.stderr(`${exit.text}\n`);
    return exit.exitCode;
  }
}
