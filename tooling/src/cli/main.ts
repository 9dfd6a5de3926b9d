import { didYouMean } from "../find/didYouMean.ts";
import type { Command, CommandIo } from "./Command.ts";
import { reportCommandError } from "./reportCommandError.ts";

/** A subcommand as `exemplar --help` lists it; its module loads only when it runs. */
export interface CommandEntry {
  name: string;
  /** one line for `exemplar --help` */
  summary: string;
  load: () => Promise<Command>;
}

/**
 * Every subcommand, in the order `exemplar --help` lists them. Loaded on demand: `check` need not
 * load the S3 client that `publish` uses.
 */
export const commands: CommandEntry[] = [
  { name: "init", summary: "set Exemplar up in this project: a config, an example, a page, a workflow", load: async () => (await import("./commands/init.ts")).initCommand },
  { name: "check", summary: "run every example and check its output", load: async () => (await import("./commands/check.ts")).checkCommand },
  { name: "merge-reports", summary: "merge the JSON reports of a sharded run into one", load: async () => (await import("./commands/merge-reports.ts")).mergeReportsCommand },
  { name: "list", summary: "list the examples and their expectations", load: async () => (await import("./commands/list.ts")).listCommand },
  { name: "splice", summary: "fill the docs' example blocks with the examples' code and output", load: async () => (await import("./commands/splice.ts")).spliceCommand },
  { name: "publish", summary: "publish a built site to an S3 bucket prefix, uploading only what changed", load: async () => (await import("./commands/publish.ts")).publishCommand },
  { name: "unpublish", summary: "delete every object under an S3 bucket prefix (a closed preview)", load: async () => (await import("./commands/unpublish.ts")).unpublishCommand },
  { name: "pr-comment", summary: "create or update the pull request comment with the preview URL and check summary", load: async () => (await import("./commands/pr-comment.ts")).prCommentCommand },
];

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
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry) {
    const hint = didYouMean(name, commands.map((candidate) => candidate.name));
    io.stderr(`exemplar: unknown command \`${name}\`${hint ? `; did you mean \`${hint}\`?` : ""}\n\n${usage()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    // check, list and splice leave their errors to this path; exit code and line come from the
    // same table as publish's, unpublish's and pr-comment's
    return reportCommandError(name, error, io);
  }
}
