import { constants } from "node:os";
import { liveWorkers } from "../run/liveWorkers.ts";

/** A run's watch for SIGINT and SIGTERM (see `interruptOnSignal`). */
export interface Interrupt {
  /** the first signal received, once one was */
  readonly signal: NodeJS.Signals | undefined;
  /** 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as a shell reports a process a signal ended */
  readonly exitCode: number;
  /** Removes the handlers and lets workers be forked again. */
  remove(): void;
}

const watched: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

/**
 * Until `remove`, SIGINT and SIGTERM no longer end the process: they kill every live worker
 * with its process group at once and refuse new ones (see `liveWorkers`), so that the run
 * finishes at once, every example that had not finished getting a crashed result, and the
 * command can still report what finished. Workers lead process groups of their own, so without
 * this a Ctrl-C or a SIGTERM to the CLI alone would leave them running.
 */
export function interruptOnSignal(): Interrupt {
  let received: NodeJS.Signals | undefined;
  const handle = (signal: NodeJS.Signals) => {
    received ??= signal;
    liveWorkers.stop(`the run was interrupted by ${signal}`);
  };
  for (const signal of watched) process.on(signal, handle);
  return {
    get signal() {
      return received;
    },
    get exitCode() {
      return received === undefined ? 0 : 128 + constants.signals[received];
    },
    remove() {
      for (const signal of watched) process.off(signal, handle);
      liveWorkers.resume();
    },
  };
}
