import type { Command } from "./Command.ts";
import { batchCommand, batchFlags, batchHelp, batchOperands } from "./commands/batchCommand.ts";
import { deployRuleCommand, deployRuleFlags, deployRuleHelp } from "./commands/deployRuleCommand.ts";
import { reconcileCommand, reconcileFlags, reconcileHelp } from "./commands/reconcileCommand.ts";
import { runsCommand, runsFlags, runsHelp, runsOperands } from "./commands/runsCommand.ts";
import { registryCommand, registryFlags, registryHelp } from "./commands/registryCommand.ts";
import { serveCommand, serveFlags, serveHelp, serveOperands } from "./commands/serveCommand.ts";
import { tokenCommand, tokenFlags, tokenHelp, tokenOperands } from "./commands/tokenCommand.ts";
import { usageCommand, usageFlags, usageHelp } from "./commands/usageCommand.ts";

/**
 * Every `envelope` command by the word that names it, in the order `envelope --help` lists them:
 * its help, what it accepts (parseCommandLine holds it to that) and how it is run.
 */
export const commandTable: Readonly<Record<string, Command>> = {
  usage: { help: usageHelp, flags: usageFlags, run: (_, values, io) => usageCommand(values, io) },
  registry: { help: registryHelp, flags: registryFlags, run: (_, values, io) => registryCommand(values, io) },
  token: { help: tokenHelp, subcommands: tokenFlags, operands: tokenOperands, run: ([subcommand, ...operands], values, io) => tokenCommand(subcommand!, operands, values, io) },
  // serveOperands makes sure there is exactly one positional, the MODEL
  serve: { help: serveHelp, flags: serveFlags, operands: serveOperands, run: ([model], values, io) => serveCommand(model!, values, io) },
  batch: { help: batchHelp, flags: batchFlags, operands: batchOperands, run: ([model], values, io) => batchCommand(model!, values, io) },
  runs: { help: runsHelp, flags: runsFlags, operands: runsOperands, run: ([model], values, io) => runsCommand(model!, values, io) },
  "deploy-rule": { help: deployRuleHelp, subcommands: deployRuleFlags, run: ([subcommand], values, io) => deployRuleCommand(subcommand!, values, io) },
  reconcile: { help: reconcileHelp, flags: reconcileFlags, run: (_, values, io) => reconcileCommand(values, io) },
};
