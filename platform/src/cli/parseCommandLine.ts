import { parseArgs } from "node:util";
import type { Command, FlagValues, Flags, Operands } from "./Command.ts";
import { didYouMean } from "./didYouMean.ts";
import { UsageError } from "./UsageError.ts";

/** A command line `envelope` accepted: the command to run with its arguments, or to show its help. */
export interface CommandLine {
  /** the command as typed, with its subcommand: "serve", "deploy-rule add" */
  name: string;
  command: Command;
  help: boolean;
  /** the subcommand first, if the command has subcommands */
  positionals: string[];
  values: FlagValues;
}

const helpFlag: Flags = { help: { type: "boolean", short: "h" } };
const noOperands: Operands = { count: 0, expected: "no arguments" };

/**
 * Reads `envelope <command> [subcommand] [arguments] [flags]` against `commands`. Each command is
 * parsed with only its own flags (node:util parseArgs, strict), so another command's flag, an
 * unknown command or subcommand, a flag without its value and an argument the command does not
 * take are each a UsageError naming the command and the word, with the nearest known word when
 * one is close. A subcommand comes right after its command. Pure.
 */
export function parseCommandLine(argv: readonly string[], commands: Readonly<Record<string, Command>>): CommandLine {
  const [word = "", ...rest] = argv;
  const command = own(commands, word);
  if (command === undefined) {
    const names = Object.keys(commands);
    throw new UsageError(undefined, `unknown command ${JSON.stringify(word)}; ${nearestOr(word, names, (name) => name, `one of ${names.join(", ")}`)}`);
  }
  if (!("subcommands" in command)) return { name: word, command, ...parseFlags(word, rest, command.flags, command.operands ?? noOperands) };

  const [sub, ...args] = rest;
  const names = Object.keys(command.subcommands);
  const show = (name: string) => `\`envelope ${word} ${name}\``;
  const expected = names.map(show).join(" or ");
  if (sub === "--help" || sub === "-h") return { name: word, command, help: true, positionals: [], values: {} };
  if (sub === undefined) throw new UsageError(word, `missing subcommand; expected ${expected}`);
  if (sub.startsWith("-")) throw new UsageError(word, `expected the subcommand before ${sub}: ${expected}`);
  const flags = own(command.subcommands, sub);
  if (flags === undefined) throw new UsageError(word, `unknown subcommand ${JSON.stringify(sub)}; ${nearestOr(sub, names, show, expected)}`);
  const name = `${word} ${sub}`;
  const parsed = parseFlags(name, args, flags, (command.operands && own(command.operands, sub)) ?? noOperands);
  return { name, command, ...parsed, positionals: [sub, ...parsed.positionals] };
}

function parseFlags(name: string, args: string[], flags: Flags, operands: Operands): Pick<CommandLine, "help" | "positionals" | "values"> {
  const options = { ...flags, ...helpFlag };
  // a lenient pass first, only to name an unknown flag and the flag it is closest to
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option" || own(options, token.name) !== undefined) continue;
    // a one-letter flag is not a typo of a long one; the capital U is node's, as the message was before, and scripts may match it
    const known = token.rawName.startsWith("--") ? Object.keys(options) : [];
    const all = Object.keys(flags).map((flag) => `--${flag}`).join(", ");
    throw new UsageError(name, `Unknown option '${token.rawName}'; ${nearestOr(token.name, known, (flag) => `--${flag}`, `one of ${all}`)}`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    // node's own message says what is wrong with the value (missing, ambiguous, not taken), over lines
    throw new UsageError(name, (error as Error).message.split("\n").join(" "), { cause: error });
  }
  const values = parsed.values as FlagValues;
  const help = values["help"] === true;
  delete values["help"];
  // a request for help needs no arguments
  if (!help) refuseOperands(name, parsed.positionals, operands);
  return { help, positionals: parsed.positionals, values };
}

function refuseOperands(name: string, positionals: string[], operands: Operands): void {
  const extra = positionals[operands.count];
  if (extra !== undefined) throw new UsageError(name, `unexpected argument ${JSON.stringify(extra)}; expected ${operands.expected}`);
  if (positionals.length < operands.count) throw new UsageError(name, `expected ${operands.expected}, got ${positionals.length === 0 ? "none" : positionals.map((text) => JSON.stringify(text)).join(" ")}`);
}

/** "did you mean X?" for the known word nearest to `word` when one is close, else "expected <expected>". */
function nearestOr(word: string, known: string[], show: (name: string) => string, expected: string): string {
  const nearest = didYouMean(word, known);
  return nearest === undefined ? `expected ${expected}` : `did you mean ${show(nearest)}?`;
}

/** `table[key]` for the table's own keys only: `envelope constructor` is not a command. */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
