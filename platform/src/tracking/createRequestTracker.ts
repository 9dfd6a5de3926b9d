import { describeFailure } from "./buildUsageEvent.ts";
import { containCallback } from "./containCallback.ts";
import { createUsageQueue, type TrackerStats } from "./createUsageQueue.ts";
import { formatServedEvents, servedEvent, type ServedEventFields, type ServedRequest } from "./servedEvents.ts";
import { defaultTrackingLimits, type TrackingLimits } from "./TrackingLimits.ts";
import { maxEventsPerRequest } from "./validateEvents.ts";
import type { UsageSink } from "./UsageSink.ts";

export interface RequestTrackerOptions {
  sink: UsageSink;
  /** what every event of the service says: its function, model, version and identity */
  fields: ServedEventFields;
  /** told about each failed send and each start of dropping; what it throws is contained */
  onError?: (error: unknown) => void;
  limits?: Partial<TrackingLimits>;
  warn?: (line: string) => void;
}

/** A prediction service's usage tracking: an event per answered request. */
export interface RequestTracker {
  /** records one answered request (`failed` with the error it ended with); never throws, never waits */
  record(at: number, durationMs: number, rows: number, failed: boolean, error?: unknown): void;
  /** sends what is queued; as `Tracker.flush` */
  flush(timeoutMs?: number): Promise<TrackerStats>;
  stats(): TrackerStats;
}

/** a batch's JSON text stays under this many bytes: the registry parses a body under 1 MiB at once, a larger one in steps */
const batchBytes = 900_000;
/** a batch's events: an embedded registry's COPY of them holds its event loop about 50 ms */
const batchEvents = 3500;

/**
 * A service's batches: at most `batchEvents`, as many as fit in `batchBytes` (a successful
 * request's event is the shortest; a batch of long error messages may be larger), and a second
 * of lingering to fill them. A request to the registry costs it about 5 ms whatever its size,
 * several times what 1,000 events cost (BENCHMARKS.md, "Both sides cheaper").
 */
export function servedBatchLimits(fields: ServedEventFields): Pick<TrackingLimits, "batchSize" | "lingerMs"> {
  const longest = { at: Date.UTC(9999, 11, 31, 23, 59, 59, 999), durationMs: 123456.789, rows: 1_000_000, failure: null };
  const eventBytes = Buffer.byteLength(formatServedEvents([longest, longest], fields)) - Buffer.byteLength(formatServedEvents([longest], fields));
  const headBytes = Buffer.byteLength(formatServedEvents([], fields));
  return { batchSize: Math.max(1, Math.min(batchEvents, maxEventsPerRequest, Math.floor((batchBytes - headBytes) / eventBytes))), lingerMs: 1000 };
}

/**
 * The tracker of a prediction service: the events `createTracker` would record for its requests
 * (`predict`, the rows as arguments, the service's identity), through the same bounded queue,
 * timeouts and backoff, in larger batches (`servedBatchLimits`). Each request keeps only its numbers until the send, which
 * builds the events (or, for a sink that takes JSON, their text) in one pass:
 * `npm run bench:serving` measures what tracking costs the tracked service.
 */
export function createRequestTracker(options: RequestTrackerOptions): RequestTracker {
  const limits: TrackingLimits = { ...defaultTrackingLimits, ...servedBatchLimits(options.fields), ...options.limits };
  const warn = options.warn ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const onError = containCallback(options.onError, "usage tracking: onError", warn);
  const { sink, fields } = options;
  const queue = createUsageQueue<ServedRequest>({
    deliver: (requests, signal) => (sink.sendJson ? sink.sendJson(formatServedEvents(requests, fields), signal) : sink.send(requests.map((request) => servedEvent(request, fields)), signal)),
    limits,
    report: onError,
  });
  return {
    record(at, durationMs, rows, failed, error) {
      let failure = null;
      try {
        failure = failed ? describeFailure(error) : null;
      } catch {
        // a thrown value with no string form: recorded without its message
        failure = { errorClass: typeof error, errorCode: null, errorMessage: "(the error could not be described)" };
      }
      queue.push({ at, durationMs, rows, failure });
    },
    flush: (timeoutMs) => queue.flush(timeoutMs),
    stats: () => queue.stats(),
  };
}
