import type { Example, Expectation } from "./Example.ts";
import type { Revision } from "./Revision.ts";
import type { RunResult } from "./RunResult.ts";

/** One reason an example failed, with a message ready to print. */
export interface Failure {
  /** what went wrong: an expectation not met, or how the run ended */
  kind: "stdout" | "error" | "inline" | "threw" | "timeout" | "exit" | "crashed" | "unhandled-rejection" | "uncaught-exception" | "left-running";
  message: string;
  /** the expectation that was not met, when there is one */
  expectation?: Expectation;
  /** a unified diff of expected and actual stdout, for line expectations */
  diff?: string;
  /** the line of the example's file the failure is about: a `//=> VALUE` check's */
  line?: number;
}

export interface Verdict {
  example: Example;
  result: RunResult;
  status: "passed" | "failed" | "skipped";
  failures: Failure[];
  /** problems that do not fail the example (output after it settled) */
  warnings: string[];
  /** the verdict of an earlier run, whose inputs were the same (see `openResultCache`): not run now */
  cached?: true;
  /** for a cached verdict, the commit that earlier run ran at, when it was in a git repository */
  ranAt?: Revision;
}
