import type { InlineOutcome } from "./InlineOutcome.ts";

/** How an example's run ended. */
export type RunStatus =
  /** the function returned, or its promise resolved */
  | "returned"
  /** it threw, or its promise rejected */
  | "threw"
  /** it did not settle within its timeout; its worker was stopped */
  | "timeout"
  /** it called `process.exit`; its worker was replaced */
  | "exit"
  /** its worker died under it (a native crash, out of memory, a signal) */
  | "crashed"
  /** it was not run (`@skip`) */
  | "skipped";

export interface RunError {
  name: string;
  message: string;
  /** the stack, with frames mapped to the `.ts` lines of the example file */
  stack?: string;
}

/**
 * How much of each output stream of one example the worker keeps, in UTF-8 bytes: the first
 * 1 MB of its stdout, of its stderr and of what it wrote after it settled. The rest is counted
 * (`stdoutTruncatedBytes`...), so that a report stays small and still says what was left out.
 */
export const outputLimitBytes = 1024 * 1024;

/** What happened when one example ran. Plain data, sent from the worker process. */
export interface RunResult {
  key: string;
  status: RunStatus;
  stdout: string;
  stderr: string;
  durationMs: number;
  error?: RunError;
  exitCode?: number;
  /** a promise rejected with no handler while the example ran */
  unhandledRejections: RunError[];
  /** an exception thrown outside the example's promise chain (a callback, a timer) */
  uncaughtExceptions: RunError[];
  /** output written after the example settled (a stray timer), attributed by async context */
  lateOutput: string[];
  /** what its `//=>` checks found, those whose statement ran; absent when none ran */
  inline?: InlineOutcome[];
  /** bytes of stdout past `outputLimitBytes`, counted but not kept; absent when none were */
  stdoutTruncatedBytes?: number;
  /** bytes of stderr past `outputLimitBytes`, counted but not kept; absent when none were */
  stderrTruncatedBytes?: number;
  /** bytes written after the example settled past `outputLimitBytes`, counted but not kept */
  lateOutputTruncatedBytes?: number;
  /**
   * the file (relative to the root) whose top-level code was running when the run ended (a
   * timeout, exit or crash while the example's file was imported): the file is to blame, and
   * every example of it gets this result
   */
  importing?: string;
  /**
   * what a timed-out example was doing when it was stopped: `running` code (the worker did not
   * answer), `waiting` on what it started (`waitingOn`: "1 Timeout", "1 TCPSocketWrap"), or
   * `idle`: awaiting a promise that nothing pending could settle
   */
  stalled?: { state: "running" | "waiting" | "idle"; waitingOn: string[] };
  /**
   * what the example left running after it returned (a timer, a server, a child) ended its
   * worker or kept it busy: how, e.g. "killed by SIGKILL"
   */
  leftRunning?: string;
}
