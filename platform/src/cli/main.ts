import { parseArgs } from "node:util";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { CliIo } from "./CliIo.ts";
import { serveCommand, serveHelp } from "./commands/serveCommand.ts";
import { tokenCommand, tokenHelp } from "./commands/tokenCommand.ts";
import { usageCommand, usageHelp } from "./commands/usageCommand.ts";

export const mainHelp = `envelope: the Model Envelope platform

Usage: envelope <command> [options]

Commands:
  usage          new users, calls and failure rate per function, top errors
  serve          run the registry
  token create   issue a bearer token for a user of a team

Run \`envelope <command> --help\` for a command's options.`;

const helps: Record<string, string> = { usage: usageHelp, serve: serveHelp, token: tokenHelp };

/** The `envelope` command line; returns the exit code (0 ok, 1 failed, 2 usage error). */
export async function main(argv: string[], io: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), env: process.env, now: () => new Date() }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(`${mainHelp}\n`);
    return command === undefined ? 2 : 0;
  }
  const help = helps[command];
  if (help === undefined) {
    io.stderr(`envelope: unknown command ${JSON.stringify(command)}; expected one of ${Object.keys(helps).join(", ")}\n\n${mainHelp}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h" },
        json: { type: "boolean" },
        admin: { type: "boolean" },
        ...Object.fromEntries(["days", "file", "url", "token", "top", "port", "host", "data", "artifacts", "max-body-bytes", "user", "team"].map((name) => [name, { type: "string" as const }])),
      },
    });
  } catch (error) {
    io.stderr(`envelope ${command}: ${(error as Error).message}\n\n${help}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  try {
    if (command === "usage") return await usageCommand(parsed.values, io);
    if (command === "serve") return await serveCommand(parsed.values, io);
    return await tokenCommand(parsed.positionals, parsed.values, io);
  } catch (error) {
    const config = error instanceof EnvelopeError && error.code === "ENVELOPE_CONFIG";
    io.stderr(`envelope ${command}: ${(error as Error).message}\n`);
    return config ? 2 : 1;
  }
}
