import type { CompiledFile } from "../records/CompiledFile.ts";
import type { RunError, RunResult } from "../records/RunResult.ts";

/** One example for a worker to run (see WorkerProcess.run). */
export interface RunRequest {
  key: string;
  /** absolute path of the example's file */
  file: string;
  name: string;
  timeout: number;
}

/** Messages from the pool to a worker process. */
export type ToWorker =
  /**
   * run these examples in order; `env` is merged into `process.env` first; `strict`: check
   * all of the process after each example, not only at the end of each file (see worker.ts)
   */
  | { type: "run"; env: Record<string, string>; examples: Array<{ key: string; file: string; name: string }>; strict?: boolean }
  /**
   * these files will run here: compile them now, while the pool is still finding examples,
   * without running any of their code
   */
  | { type: "warm"; files: string[] }
  /**
   * these files' JavaScript, made from the text the pool parsed: imported instead of the files;
   * runs that follow wait until the loader holds it
   */
  | { type: "compiled"; files: CompiledFile[] }
  /** the running example is past its timeout: what is it waiting on? (see `status`) */
  | { type: "status" }
  | { type: "close" };

/** Messages from a worker process to the pool. */
export type FromWorker =
  | { type: "ready" }
  /**
   * `recycle`: the worker is exiting (the example called `process.exit`); `retire`: what the
   * example left running or changed in the process (a timer, `console.log`...), so that the
   * worker runs nothing more and ends once what was left has quieted down; `checked`: all of
   * the process was checked after this example, so the results since the last check stand;
   * `suspect`: that check found a change that any of those examples may have made, so their
   * results do not stand: they are run again, on a fresh worker, checked after each
   */
  | { type: "result"; result: RunResult; recycle: boolean; retire?: string[]; checked?: boolean; suspect?: boolean }
  /**
   * something an example (or, keyed `module <file>`, a module's top-level code) did after it
   * settled; `truncatedBytes`: late output past `outputLimitBytes` since the last message,
   * counted and not sent; `stray`: how it ended the worker ("called process.exit(4)")
   */
  | { type: "late"; key: string; output?: string; rejection?: RunError; exception?: RunError; truncatedBytes?: number; stray?: string }
  /**
   * the answer to `status`, from a worker whose event loop is free: what the running example
   * started that is still pending ("1 Timeout"); none: it awaits a promise nothing will settle;
   * `loading`: the example's file is still loading (its top-level code awaits); `starting`: the
   * example has not started (the worker is still preparing files)
   */
  | { type: "status"; waitingOn: string[]; loading?: string; starting?: true }
  /** the answer to `close`: everything late has been sent, and the worker exits now */
  | { type: "closed" };
