/** What the pool knows when a lane whose worker was not started ahead considers starting one. */
export interface PoolLoad {
  /** milliseconds a worker took from its spawn until it was ready (the first one's) */
  bootMs: number;
  /** examples not yet handed to any worker */
  queued: number;
  /**
   * mean milliseconds of the examples finished so far, their own run only: the first file's
   * import also pays once for the loader and shared modules, which says nothing of the queue
   */
  meanExampleMs: number;
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
  return (load.queued * load.meanExampleMs) / Math.max(1, load.running) > load.bootMs;
}
