import type { RunError, RunResult } from "../records/RunResult.ts";

/** Messages from the pool to a worker process. */
export type ToWorker =
  /** run these examples in order; `env` is merged into `process.env` first */
  | { type: "run"; env: Record<string, string>; examples: Array<{ key: string; file: string; name: string }> }
  /** import these files ahead of their examples, while the pool is still finding them */
  | { type: "preload"; files: string[] }
  | { type: "close" };

/** Messages from a worker process to the pool. */
export type FromWorker =
  | { type: "ready" }
  /** `recycle`: the worker is exiting (the example called `process.exit`) */
  | { type: "result"; result: RunResult; recycle: boolean }
  /**
   * something an example did after it settled; `truncatedBytes`: late output past
   * `outputLimitBytes` since the last message, counted and not sent
   */
  | { type: "late"; key: string; output?: string; rejection?: RunError; exception?: RunError; truncatedBytes?: number }
  /** the answer to `close`: everything late has been sent, and the worker exits now */
  | { type: "closed" };
