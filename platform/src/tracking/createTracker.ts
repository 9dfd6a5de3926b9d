import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { summarizeArgs } from "./summarizeArgs.ts";
import type { UsageEvent } from "./UsageEvent.ts";
import type { UsageSink } from "./UsageSink.ts";

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
   * recorded and a recording failure rejects an otherwise successful call.
   */
  strict: boolean;
  clientVersion: string;
  /** who is calling; resolved off the call's path when not strict */
  identify: () => Promise<Identity>;
  /** told about every failed call, e.g. to send an alert; must not throw */
  onFailure?: (event: UsageEvent, error: unknown) => void;
  onError?: (error: unknown) => void;
  now?: () => Date;
}

export interface Tracker {
  /** runs `call`, records it, and returns or throws exactly what `call` did (strict mode aside) */
  run<T>(fn: string, args: readonly unknown[], model: string | null, call: () => Promise<T>): Promise<T>;
  /** resolves when every queued event has been sent (or failed to) */
  flush(): Promise<void>;
}

function errorClass(error: unknown): string {
  if (error instanceof Error) return error.name === "Error" ? error.constructor.name : error.name;
  return typeof error;
}

/**
 * Usage tracking for client calls. The call's own result or error always wins: tracking adds an
 * array push and a scheduled send to its path, nothing more (unless strict).
 */
export function createTracker(options: TrackerOptions): Tracker {
  const now = options.now ?? (() => new Date());
  const allowFailures = !options.strict;
  const queue: UsageEvent[] = [];
  const pending = new Set<Promise<void>>();
  let scheduled = false;
  let tail: Promise<void> = Promise.resolve();

  async function deliver(events: UsageEvent[]): Promise<void> {
    const identity = await options.identify().catch((): Identity => ({ user: null, team: null }));
    await options.sink!.send(events.map((event) => ({ ...event, ...identity })));
  }

  function drain(): void {
    scheduled = false;
    const batch = queue.splice(0);
    if (batch.length === 0) return;
    // one batch at a time, so that events arrive in the order of the calls
    const sending = tail
      .then(() => deliver(batch))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => pending.delete(sending));
    tail = sending;
    pending.add(sending);
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
      const event: UsageEvent = {
        at,
        fn,
        args: summarizeArgs(args),
        // the widely copied decorator had this inverted: a call succeeded exactly when it did not fail
        success: !failed,
        errorClass: failed ? errorClass(error) : null,
        errorCode: failed && error instanceof EnvelopeError ? error.code : null,
        errorMessage: failed ? (error instanceof EnvelopeError ? error.shortMessage : String((error as Error)?.message ?? error)) : null,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        user: null,
        team: null,
        clientVersion: options.clientVersion,
        model,
      };
      if (failed) options.onFailure?.(event, error);
      if (options.sink && allowFailures) {
        queue.push(event);
        if (!scheduled) {
          scheduled = true;
          setImmediate(drain);
        }
      } else if (options.sink) {
        try {
          await deliver([event]);
        } catch (trackingError) {
          // strict: a recording failure fails the call, but never hides the call's own error
          if (!failed) throw new EnvelopeError("ENVELOPE_TRACKING_FAILED", `${fn} succeeded but its usage event could not be recorded (strict tracking): ${(trackingError as Error)?.message ?? trackingError}`, { cause: trackingError });
        }
      }
      if (failed) throw error;
      return result as Awaited<ReturnType<typeof call>>;
    },
    async flush() {
      if (scheduled) drain();
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
