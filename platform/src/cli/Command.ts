import type { CliIo } from "./CliIo.ts";

/** A flag: a string flag takes a value (`--port 8080`, `--port=8080`), a boolean flag stands alone (`--json`). */
export interface Flag {
  type: "string" | "boolean";
  /** a one-letter alias (`-h`) */
  short?: string;
}

/** A command's flags by name, without the dashes. Every command also takes -h/--help. */
export type Flags = Readonly<Record<string, Flag>>;

/** Parsed flags: a string flag's value, true for a boolean flag given, undefined when absent. */
export type FlagValues = Record<string, string | boolean | undefined>;

/** The positional arguments a command takes after its name (serve: one MODEL); none when absent. */
export interface Operands {
  count: number;
  /** what they are, for the message when there are too few or too many: "one MODEL (churn@3 ...)" */
  expected: string;
}

/** What a command runs with: its positional arguments (the subcommand first, if any) and flags; resolves to the exit code. */
export type RunCommand = (positionals: string[], values: FlagValues, io: CliIo) => Promise<number>;

/** A command without subcommands (`envelope serve MODEL --port 8081`). */
export interface SimpleCommand {
  help: string;
  flags: Flags;
  operands?: Operands;
  run: RunCommand;
}

/** A command with subcommands (`envelope token create`), each with its own flags; operands only where `operands` says. */
export interface GroupCommand {
  help: string;
  subcommands: Readonly<Record<string, Flags>>;
  /** the positional arguments of the subcommands that take some (`token revoke TOKEN_OR_ID`) */
  operands?: Readonly<Record<string, Operands>>;
  run: RunCommand;
}

/** One `envelope` command: its help, what it accepts and what it runs. */
export type Command = SimpleCommand | GroupCommand;
