// Speed: when a run whose workers were not all started ahead boots one more. Why: on a page's
// few quick outputs a second worker would be ready only after the first had finished, and its
// boot takes CPU from the others. Proven by `npm run bench:splice` (10 examples run for output
// blocks) and `npm run bench:engine`; figures in BENCHMARKS.md.

/** What the pool knows when a lane whose worker was not started ahead considers starting one. */
export interface PoolLoad {
  /** milliseconds a worker took from its spawn until it was ready (the first one's) */
  bootMs: number;
  /** examples not yet handed to any worker */
  queued: number;
  /**
   * how long an example takes: the latest to finish, warm (the first a worker runs also pays
   * for loading its file and warming up), or Infinity when none ended within a boot
   */
  exampleMs: number;
  /** workers running the examples now */
  running: number;
}

/**
 * Whether one more worker process would end the run sooner: only when the running workers
 * would spend longer on the queued examples than a new one takes to boot. A page's few quick
 * outputs or a filtered run of small examples finish in one worker before a second one would
 * be ready, and booting it only takes CPU from the others.
 */
export function worthStartingWorker(load: PoolLoad): boolean {
  if (load.queued === 0) return false;
  return (load.queued * load.exampleMs) / Math.max(1, load.running) > load.bootMs;
}
