import { expect, test } from "vitest";
import type { Command } from "../../src/cli/Command.ts";
import { commandTable } from "../../src/cli/commandTable.ts";
import { parseCommandLine } from "../../src/cli/parseCommandLine.ts";
import { UsageError } from "../../src/cli/UsageError.ts";

function parse(argv: readonly string[]) {
  const { name, help, positionals, values } = parseCommandLine(argv, commandTable);
  return { name, help, positionals, values: { ...values } };
}

test.each([
  // flags in any order around the MODEL, a value inline
  [["serve", "--port=0", "churn@3", "--workers", "2"], { name: "serve", help: false, positionals: ["churn@3"], values: { port: "0", workers: "2" } }],
  // after --, a MODEL may start with a dash
  [["serve", "--", "-odd"], { name: "serve", help: false, positionals: ["-odd"], values: {} }],
  // a boolean flag stands alone
  [["usage", "--json", "--days", "3"], { name: "usage", help: false, positionals: [], values: { json: true, days: "3" } }],
  // the subcommand is the first positional and part of the name
  [["token", "create", "--user", "ada", "--team", "churn", "--admin"], { name: "token create", help: false, positionals: ["create"], values: { user: "ada", team: "churn", admin: true } }],
  [["deploy-rule", "list", "--url", "http://x"], { name: "deploy-rule list", help: false, positionals: ["list"], values: { url: "http://x" } }],
  // help is not a value the command sees
  [["reconcile", "--help"], { name: "reconcile", help: true, positionals: [], values: {} }],
  [["token", "-h"], { name: "token", help: true, positionals: [], values: {} }],
] as const)("parseCommandLine(%j)", (argv, expected) => {
  expect(parse(argv)).toEqual(expected);
});

/** Every [command as typed, its flags] pair: a command, or each subcommand of one. */
function runnable(): [string[], Set<string>][] {
  return Object.entries(commandTable).flatMap(([word, command]: [string, Command]) =>
    "subcommands" in command
      ? Object.entries(command.subcommands).map(([sub, flags]): [string[], Set<string>] => [[word, sub], new Set(Object.keys(flags))])
      : [[[word], new Set(Object.keys(command.flags))] as [string[], Set<string>]],
  );
}

/** The UsageError parseCommandLine throws for `argv`; fails the test when it accepts it. */
function refusal(argv: string[]): UsageError {
  try {
    parseCommandLine(argv, commandTable);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`envelope ${argv.join(" ")} was accepted`);
}

test("every command refuses every flag of the others it does not declare, naming itself and the flag", () => {
  const all = new Set(runnable().flatMap(([, flags]) => [...flags]));
  let refused = 0;
  for (const [words, flags] of runnable()) {
    for (const flag of all) {
      if (flags.has(flag)) continue;
      const error = refusal([...words, `--${flag}=x`]);
      expect(error.command).toBe(words.join(" "));
      expect(error.message).toMatch(new RegExp(`^Unknown option '--${flag}'; `));
      refused++;
    }
  }
  // a floor, so that an empty table cannot pass
  expect(refused).toBeGreaterThan(40);
});
