import { expect, test } from "vitest";
import type { Command } from "../../src/cli/Command.ts";
import { commandTable } from "../../src/cli/commandTable.ts";

/** Every flag a command accepts: its own, or the union of its subcommands'. */
function accepted(command: Command): string[] {
  const sets = "subcommands" in command ? Object.values(command.subcommands) : [command.flags];
  return [...new Set(sets.flatMap((flags) => Object.keys(flags)))].sort();
}

test.each(Object.entries(commandTable))("envelope %s --help lists exactly the flags it accepts", (_, command) => {
  const mentioned = [...new Set(Array.from(command.help.matchAll(/--([a-z][a-z0-9-]*)/g), (match) => match[1]!))].sort();
  expect(mentioned).toEqual(accepted(command));
});

test("the commands, in the order envelope --help lists them", () => {
  expect(Object.keys(commandTable)).toEqual(["usage", "registry", "token", "serve", "batch", "runs", "deploy-rule", "reconcile"]);
});
