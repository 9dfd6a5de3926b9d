import { parseArgs, type ParseArgsConfig } from "node:util";
import { ExemplarError } from "../errors/ExemplarError.ts";
import { didYouMean } from "../find/didYouMean.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * `parseArgs` with errors a user can act on: an unknown flag names the command and suggests the
 * closest known flag.
 */
export function parseFlags<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    const hint = unknown ? didYouMean(unknown.replace(/^-+/, ""), Object.keys(options)) : undefined;
    throw new ExemplarError(
      "EXEMPLAR_USAGE",
      `exemplar ${command}: ${message.split(". ")[0]}${hint ? `; did you mean --${hint}?` : ""} (see \`exemplar ${command} --help\`)`,
      { cause: error },
    );
  }
}

/** A flag that must be a positive whole number. */
export function positiveInteger(command: string, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number <= 0) {
    throw new ExemplarError("EXEMPLAR_USAGE", `exemplar ${command}: --${flag} expects a positive whole number, got \`${value}\``);
  }
  return number;
}
