import { constants } from "node:os";

/** A run's watch for SIGINT and SIGTERM (see `interruptOnSignal`). */
export interface Interrupt {
  /** the first signal received, once one was */
  readonly signal: NodeJS.Signals | undefined;
  /** aborted on the first signal: hand it to `runExamples`, which then ends its workers at once */
  readonly abort: AbortSignal;
  /** 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as a shell reports a process a signal ended */
  readonly exitCode: number;
  /** Removes the handlers. */
  remove(): void;
}

const watched: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

/**
 * Until `remove`, SIGINT and SIGTERM no longer end the process: they abort the run (`abort`),
 * which kills every worker with its process group and gives every example that had not
 * finished a crashed result, so that the command can still report what finished. Workers lead
 * process groups of their own, so without this a Ctrl-C or a SIGTERM to the CLI alone would
 * leave them running.
 */
export function interruptOnSignal(): Interrupt {
  let received: NodeJS.Signals | undefined;
  const controller = new AbortController();
  const handle = (signal: NodeJS.Signals) => {
    received ??= signal;
    controller.abort(new Error(`the run was interrupted by ${signal}`));
  };
  for (const signal of watched) process.on(signal, handle);
  return {
    get signal() {
      return received;
    },
    abort: controller.signal,
    get exitCode() {
      return received === undefined ? 0 : 128 + constants.signals[received];
    },
    remove() {
      for (const signal of watched) process.off(signal, handle);
    },
  };
}
