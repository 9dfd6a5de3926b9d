/**
 * A command line `envelope` refuses before running anything: an unknown command, subcommand or flag,
 * a flag without its value, an argument the command does not take. `command` is the command it is
 * about as typed ("serve", "deploy-rule add"), undefined when the command word itself is wrong.
 */
export class UsageError extends Error {
  override name = "UsageError";
  readonly code = "ENVELOPE_USAGE" as const;
  readonly command: string | undefined;
  /** one line: usage errors never list problems */
  readonly shortMessage: string;

  constructor(command: string | undefined, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.command = command;
    this.shortMessage = message;
  }
}
