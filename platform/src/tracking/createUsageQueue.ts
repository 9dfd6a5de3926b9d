import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { backoffDelay } from "./backoffDelay.ts";
import { sendWithin } from "./sendWithin.ts";
import type { TrackingLimits } from "./TrackingLimits.ts";
import type { UsageEvent } from "./UsageEvent.ts";

/** What tracking has done so far; `flush()` resolves with it. */
export interface TrackerStats {
  /** events the sink accepted */
  sent: number;
  /** events waiting: queued, or in the send going on */
  queued: number;
  /** events dropped because `maxQueued` were already waiting */
  dropped: number;
  /** events the sink refused for good (an answer of 4xx other than 408 and 429): not sent again */
  rejected: number;
  /** failed sends (errors, 5xx, no answer within `timeoutMs`) */
  failures: number;
}

/** The queue of a tracker; `Item` is a usage event, or a smaller record a sink's events are built from when sent. */
export interface UsageQueue<Item = UsageEvent> {
  /** queues an event, or drops and counts it when `maxQueued` are waiting; never throws, never waits */
  push(event: Item): void;
  /** sends what is queued now (backoff or not); resolves when nothing waits, a send fails, or after `timeoutMs` */
  flush(timeoutMs?: number): Promise<TrackerStats>;
  stats(): TrackerStats;
}

export interface UsageQueueOptions<Item = UsageEvent> {
  /** sends one batch; `signal` aborts when the send is abandoned */
  deliver: (events: Item[], signal: AbortSignal) => Promise<void>;
  limits: TrackingLimits;
  /** told about each failed send and the start of each run of drops; must not throw (see containCallback) */
  report: (error: unknown) => void;
  random?: () => number;
}

// a refusal that sending the same events again cannot change
function isPermanent(error: unknown): boolean {
  const status = error instanceof EnvelopeError ? error.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * The queue between tracked calls and a sink: bounded (drops, counted, beyond `maxQueued`), one
 * send at a time (so events arrive in call order) merging up to `batchSize` queued events, each
 * send bounded by `timeoutMs`, and after a failure an exponential backoff with jitter before the
 * failed batch is sent again. After a send, the next waits `lingerMs` unless `batchSize` events
 * are queued: a busy service sends a few large requests a second, not one per event. A failing
 * or hanging sink never keeps a process alive (the backoff and the send timeout are unref'd; a
 * send in flight lasts at most `timeoutMs`); `flush()` skips both waits.
 */
export function createUsageQueue<Item = UsageEvent>(options: UsageQueueOptions<Item>): UsageQueue<Item> {
  const { limits, report } = options;
  const queue: Item[] = [];
  const counts = { sent: 0, dropped: 0, rejected: 0, failures: 0 };
  let inFlight = 0;
  let failuresInARow = 0;
  let scheduled = false;
  let dropping = false;
  let flushing = 0;
  // at most one wait at a time: a backoff after a failure, or a linger for more events after a send
  let waiting: { kind: "backoff" | "linger"; timer: NodeJS.Timeout } | undefined;
  const settled = new Set<() => void>();

  const stats = (): TrackerStats => ({ sent: counts.sent, queued: queue.length + inFlight, dropped: counts.dropped, rejected: counts.rejected, failures: counts.failures });

  function notify(): void {
    for (const resolve of [...settled]) resolve();
  }

  function wait(kind: "backoff" | "linger", ms: number): void {
    const timer = setTimeout(() => {
      waiting = undefined;
      schedule();
    }, ms);
    // a backoff never keeps a process alive (its sink is failing); a linger does, briefly: it
    // follows a send that succeeded, and a script that ends without flush() still delivers
    if (kind === "backoff") timer.unref();
    waiting = { kind, timer };
  }

  function stopWaiting(): void {
    if (waiting) clearTimeout(waiting.timer);
    waiting = undefined;
  }

  function schedule(): void {
    if (scheduled || inFlight > 0 || waiting !== undefined || queue.length === 0) return;
    scheduled = true;
    setImmediate(pump);
  }

  function pump(): void {
    scheduled = false;
    if (inFlight > 0 || waiting !== undefined || queue.length === 0) return notify();
    const batch = queue.splice(0, limits.batchSize);
    inFlight = batch.length;
    sendWithin((signal) => options.deliver(batch, signal), batch.length, limits.timeoutMs).then(
      () => {
        counts.sent += batch.length;
        failuresInARow = 0;
        if (queue.length === 0) dropping = false;
        // even with nothing queued yet: a fast sink would otherwise take one event per send, and
        // a send costs far more than an event
        if (queue.length < limits.batchSize && flushing === 0) wait("linger", limits.lingerMs);
      },
      (error: unknown) => {
        counts.failures++;
        failuresInARow++;
        if (isPermanent(error)) counts.rejected += batch.length;
        else queue.unshift(...batch);
        wait("backoff", backoffDelay(failuresInARow, limits, options.random));
        report(error);
      },
    ).finally(() => {
      inFlight = 0;
      notify();
      schedule();
    });
  }

  return {
    push(event) {
      if (queue.length + inFlight >= limits.maxQueued) {
        counts.dropped++;
        if (!dropping) {
          dropping = true;
          report(new EnvelopeError("ENVELOPE_TRACKING_FAILED", `usage events: ${limits.maxQueued} are waiting to be sent (maxQueued); new events are dropped and counted until the sink catches up`));
        }
        return;
      }
      queue.push(event);
      if (waiting?.kind === "linger" && queue.length >= limits.batchSize) stopWaiting();
      schedule();
    },
    async flush(timeoutMs = limits.flushTimeoutMs) {
      const failuresBefore = counts.failures;
      flushing++;
      stopWaiting();
      schedule();
      let expired = false;
      // not unref'd: whoever awaits flush() asked to wait this long, and no longer
      const deadline = setTimeout(() => {
        expired = true;
        notify();
      }, timeoutMs);
      try {
        while (!expired && counts.failures === failuresBefore && queue.length + inFlight > 0) {
          await new Promise<void>((resolve) => {
            const done = () => (settled.delete(done), resolve());
            settled.add(done);
          });
        }
      } finally {
        clearTimeout(deadline);
        flushing--;
      }
      return stats();
    },
    stats,
  };
}
