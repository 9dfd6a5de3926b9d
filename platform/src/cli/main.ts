import { parseArgs } from "node:util";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { CliIo } from "./CliIo.ts";
import { deployRuleCommand, deployRuleHelp } from "./commands/deployRuleCommand.ts";
import { reconcileCommand, reconcileHelp } from "./commands/reconcileCommand.ts";
import { registryCommand, registryHelp } from "./commands/registryCommand.ts";
import { serveCommand, serveHelp } from "./commands/serveCommand.ts";
import { tokenCommand, tokenHelp } from "./commands/tokenCommand.ts";
import { usageCommand, usageHelp } from "./commands/usageCommand.ts";

export const mainHelp = `envelope: the Model Envelope platform

Usage: envelope <command> [options]

Commands:
  usage            new users, calls and failure rate per function, top errors
  registry         run the registry
  token create     issue a bearer token for a user of a team
  serve MODEL      serve a model's predictions over HTTP (churn@3 or name=churn,stage=prod)
  deploy-rule add  which service runs the newest model with which tags (also: list)
  reconcile        start or restart the services whose rule matches a newer model

Run \`envelope <command> --help\` for a command's options.`;

const helps: Record<string, string> = { usage: usageHelp, registry: registryHelp, token: tokenHelp, serve: serveHelp, "deploy-rule": deployRuleHelp, reconcile: reconcileHelp };

const stringOptions = ["days", "file", "url", "token", "top", "port", "host", "data", "artifacts", "max-body-bytes", "user", "team", "timeout", "workers", "service", "tags", "dir"];

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
        ...Object.fromEntries(stringOptions.map((name) => [name, { type: "string" as const }])),
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
    switch (command) {
      case "usage":
        return await usageCommand(parsed.values, io);
      case "registry":
        return await registryCommand(parsed.values, io);
      case "serve":
        return await serveCommand(parsed.positionals, parsed.values, io);
      case "deploy-rule":
        return await deployRuleCommand(parsed.positionals, parsed.values, io);
      case "reconcile":
        return await reconcileCommand(parsed.values, io);
      default:
        return await tokenCommand(parsed.positionals, parsed.values, io);
    }
  } catch (error) {
    const config = error instanceof EnvelopeError && error.code === "ENVELOPE_CONFIG";
    io.stderr(`envelope ${command}: ${(error as Error).message}\n`);
    return config ? 2 : 1;
  }
}
