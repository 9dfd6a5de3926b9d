import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { buildUsageEvent } from "./buildUsageEvent.ts";
import { containCallback } from "./containCallback.ts";
import { createUsageQueue, type TrackerStats } from "./createUsageQueue.ts";
import { sendWithin } from "./sendWithin.ts";
import { defaultTrackingLimits, type TrackingLimits } from "./TrackingLimits.ts";
import type { UsageEvent } from "./UsageEvent.ts";
import type { UsageSink } from "./UsageSink.ts";

export type { TrackerStats } from "./createUsageQueue.ts";

export interface Identity {
  user: string | null;
  team: string | null;
}

export interface TrackerOptions {
  /** where events go; undefined records nothing */
  sink: UsageSink | undefined;
  /**
   * When false (the default), failures to record are allowed: they are swallowed (and passed to
   * `onError`) and the call returns as if untracked. When true, the call waits for its event to be
   * recorded (at most `timeoutMs`) and a recording failure rejects an otherwise successful call.
   */
  strict: boolean;
  clientVersion: string;
  /** who is calling; resolved off the call's path when not strict */
  identify: () => Promise<Identity>;
  /** told about every failed call, e.g. to send an alert; what it throws is contained */
  onFailure?: (event: UsageEvent, error: unknown) => void;
  /** told about each failed send and each start of dropping; what it throws is contained */
  onError?: (error: unknown) => void;
  /** queue bound, batch size, timeouts and backoff; see `defaultTrackingLimits` */
  limits?: Partial<TrackingLimits>;
  /** where a throwing callback is reported, once; default stderr */
  warn?: (line: string) => void;
  now?: () => Date;
  random?: () => number;
}

export interface Tracker {
  /** runs `call`, records it, and returns or throws exactly what `call` did (strict mode aside) */
  run<T>(fn: string, args: readonly unknown[], model: string | null, call: () => Promise<T>): Promise<T>;
  /** sends what is queued; resolves when nothing waits, a send fails, or after `timeoutMs` (default `flushTimeoutMs`) */
  flush(timeoutMs?: number): Promise<TrackerStats>;
  stats(): TrackerStats;
}

const noStats: TrackerStats = { sent: 0, queued: 0, dropped: 0, rejected: 0, failures: 0 };

/**
 * Usage tracking for client calls. The call's own result or error always wins: tracking adds an
 * event to a bounded queue on its path, nothing more (unless strict), and never throws into it.
 */
export function createTracker(options: TrackerOptions): Tracker {
  const now = options.now ?? (() => new Date());
  const limits: TrackingLimits = { ...defaultTrackingLimits, ...options.limits };
  const warn = options.warn ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const onFailure = containCallback(options.onFailure, "usage tracking: onFailure", warn);
  const onError = containCallback(options.onError, "usage tracking: onError", warn);
  const sink = options.sink;

  async function deliver(events: UsageEvent[], signal: AbortSignal): Promise<void> {
    const identity = await options.identify().catch((): Identity => ({ user: null, team: null }));
    await sink!.send(events.map((event) => ({ ...event, ...identity })), signal);
  }

  const queue = sink && !options.strict ? createUsageQueue({ deliver, limits, report: onError, ...(options.random ? { random: options.random } : {}) }) : undefined;

  // strict mode: sent before the call returns
  async function record(event: UsageEvent, failed: boolean): Promise<void> {
    if (!sink) return;
    try {
      await sendWithin((signal) => deliver([event], signal), 1, limits.timeoutMs);
    } catch (trackingError) {
      // strict: a recording failure fails the call, but never hides the call's own error
      if (!failed) throw new EnvelopeError("ENVELOPE_TRACKING_FAILED", `${event.fn} succeeded but its usage event could not be recorded (strict tracking): ${(trackingError as Error)?.message ?? trackingError}`, { cause: trackingError });
    }
  }

  return {
    async run(fn, args, model, call) {
      const at = now().toISOString();
      const started = performance.now();
      let failed = false;
      let error: unknown;
      let result: Awaited<ReturnType<typeof call>> | undefined;
      try {
        result = await call();
      } catch (thrown) {
        failed = true;
        error = thrown;
      }
      let event: UsageEvent | undefined;
      try {
        event = buildUsageEvent({ fn, args, model, at, durationMs: performance.now() - started, failed, error, clientVersion: options.clientVersion });
      } catch (buildError) {
        // arguments with a throwing getter, a thrown value with no string form: the call's own
        // outcome still wins, its event is not recorded
        onError(new EnvelopeError("ENVELOPE_TRACKING_FAILED", `usage tracking: the event of ${fn} could not be built (not recorded): ${(buildError as Error)?.message ?? "?"}`, { cause: buildError }));
      }
      if (event && failed) onFailure(event, error);
      // queued (the default) without a further await: this runs on every served request
      if (event && queue) queue.push(event);
      else if (event) await record(event, failed);
      if (failed) throw error;
      return result as Awaited<ReturnType<typeof call>>;
    },
    flush: (timeoutMs) => (queue ? queue.flush(timeoutMs) : Promise.resolve({ ...noStats })),
    stats: () => (queue ? queue.stats() : { ...noStats }),
  };
}
