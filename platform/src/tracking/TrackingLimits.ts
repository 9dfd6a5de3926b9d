/** The bounds of usage tracking; every one is stated in docs/platform/usage-and-alerts.md. */
export interface TrackingLimits {
  /** events held (queued or being sent) while the sink is slow or down; beyond it new events are dropped and counted */
  maxQueued: number;
  /** the most events merged into one send */
  batchSize: number;
  /** after a send, how long the next one waits for more events unless batchSize are queued (fewer, larger requests) */
  lingerMs: number;
  /** a send (identity and request) not finished in this time is abandoned, counted as a failure and retried */
  timeoutMs: number;
  /** the longest `flush()` waits */
  flushTimeoutMs: number;
  /** the ceiling of the first retry delay after a failure; doubled per failure in a row, up to backoffMaxMs */
  backoffMs: number;
  backoffMaxMs: number;
}

/**
 * The defaults: 10,000 events, 1,000 a send (the registry takes up to 10,000) at most every
 * 200 ms unless full, 5 s per send, 5 s per flush, 0.5 s to 30 s backoff. Large, rare sends: each
 * request has a fixed cost at the registry (about 5 ms of its CPU), which in
 * `npm run bench:serving` shares the tracked service's cores. A prediction service sends larger
 * batches still (`servedBatchLimits`).
 */
export const defaultTrackingLimits: TrackingLimits = {
  maxQueued: 10_000,
  batchSize: 1000,
  lingerMs: 200,
  timeoutMs: 5_000,
  flushTimeoutMs: 5_000,
  backoffMs: 500,
  backoffMaxMs: 30_000,
};
