import { ExemplarError } from "../errors/ExemplarError.ts";
import { didYouMean } from "../find/didYouMean.ts";
import type { Command, CommandIo } from "./Command.ts";
import { checkCommand } from "./commands/check.ts";
import { listCommand } from "./commands/list.ts";
import { prCommentCommand } from "./commands/pr-comment.ts";
import { publishCommand } from "./commands/publish.ts";
import { spliceCommand } from "./commands/splice.ts";
import { unpublishCommand } from "./commands/unpublish.ts";

/** Every subcommand, in the order `exemplar --help` lists them. */
export const commands: Command[] = [checkCommand, listCommand, spliceCommand, publishCommand, unpublishCommand, prCommentCommand];

function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `Usage: exemplar <command> [options]

Every snippet in the docs is an example that just ran.

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n")}

Run \`exemplar <command> --help\` for a command's options.
`;
}

// a reader piping output into `head` closes the pipe early: that is not an error
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
});

const processIo = (): CommandIo => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
});

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const hint = didYouMean(name, commands.map((candidate) => candidate.name));
    io.stderr(`exemplar: unknown command \`${name}\`${hint ? `; did you mean \`${hint}\`?` : ""}\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof ExemplarError) {
      io.stderr(`${error.message.startsWith("exemplar") ? "" : "exemplar: "}${error.message}\n`);
      return 2;
    }
    io.stderr(`exemplar ${name}: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
