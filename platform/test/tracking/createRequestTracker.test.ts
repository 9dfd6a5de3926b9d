import { describe, expect, test } from "vitest";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { createRequestTracker, servedBatchLimits } from "../../src/tracking/createRequestTracker.ts";
import { expandSharedEvents } from "../../src/tracking/expandSharedEvents.ts";
import type { ServedEventFields } from "../../src/tracking/servedEvents.ts";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";
import { validateEvents } from "../../src/tracking/validateEvents.ts";

const fields: ServedEventFields = { fn: "predict", model: "churn@3", clientVersion: "0.1.0", user: "churn-api", team: "churn" };
const at = Date.UTC(2030, 0, 1, 12);

describe("createRequestTracker", () => {
  test("a sink gets each request's event: its time, rows, outcome and the service's identity", async () => {
    const events: UsageEvent[] = [];
    const tracker = createRequestTracker({ sink: { send: async (batch) => void events.push(...batch) }, fields });
    tracker.record(at, 1.5, 4, false);
    tracker.record(at + 7, 0.25, 0, true, new EnvelopeError("ENVELOPE_INVALID", "2 problems in the rows"));
    tracker.record(at + 9, 3, 1, true, new RangeError("x must not be -1"));
    expect(await tracker.flush()).toMatchObject({ sent: 3, queued: 0, dropped: 0 });
    const common = { fn: "predict", user: "churn-api", team: "churn", clientVersion: "0.1.0", model: "churn@3" };
    expect(events).toEqual([
      { ...common, at: "2030-01-01T12:00:00.000Z", args: [{ rows: 4 }], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1.5 },
      { ...common, at: "2030-01-01T12:00:00.007Z", args: [{ rows: 0 }], success: false, errorClass: "EnvelopeError", errorCode: "ENVELOPE_INVALID", errorMessage: "2 problems in the rows", durationMs: 0.25 },
      { ...common, at: "2030-01-01T12:00:00.009Z", args: [{ rows: 1 }], success: false, errorClass: "RangeError", errorCode: null, errorMessage: "x must not be -1", durationMs: 3 },
    ]);
  });

  test("a sink that takes JSON gets the events' text, and send is not called", async () => {
    const bodies: string[] = [];
    const sink = { send: async () => Promise.reject(new Error("send must not be called")), sendJson: async (body: string) => void bodies.push(body) };
    const tracker = createRequestTracker({ sink, fields });
    tracker.record(at, 2, 1, false);
    tracker.record(at, 3, 2, false);
    expect(await tracker.flush()).toMatchObject({ sent: 2, failures: 0 });
    expect(bodies.map((body) => JSON.parse(body).events.map((event: UsageEvent) => [event.at, event.args, event.durationMs]))).toEqual([
      [
        ["2030-01-01T12:00:00.000Z", [{ rows: 1 }], 2],
        ["2030-01-01T12:00:00.000Z", [{ rows: 2 }], 3],
      ],
    ]);
  });

  test("the queue is bounded: beyond maxQueued requests are dropped and counted, and onError told once", async () => {
    const errors: unknown[] = [];
    const tracker = createRequestTracker({ sink: { send: () => new Promise<void>(() => {}) }, fields, limits: { maxQueued: 3, batchSize: 3, timeoutMs: 60_000 }, onError: (error) => errors.push(error) });
    for (let index = 0; index < 10; index++) tracker.record(at + index, 1, 1, false);
    expect(tracker.stats()).toMatchObject({ queued: 3, dropped: 7, sent: 0 });
    expect(errors.map((error) => (error as Error).message)).toEqual(["usage events: 3 are waiting to be sent (maxQueued); new events are dropped and counted until the sink catches up"]);
  });

  test("by default a service's batches are 3,500 events, under 900,000 bytes of JSON, each one the registry takes", async () => {
    const bodies: string[] = [];
    const tracker = createRequestTracker({ sink: { send: async () => {}, sendJson: async (body) => void bodies.push(body) }, fields });
    const { batchSize } = servedBatchLimits(fields);
    expect(batchSize).toBe(3500);
    for (let index = 0; index < 2 * batchSize + 10; index++) tracker.record(at + index, 123.456, 10_000, false);
    expect(await tracker.flush()).toMatchObject({ sent: 2 * batchSize + 10, queued: 0 });
    expect(bodies.map((body) => JSON.parse(body).events.length)).toEqual([batchSize, batchSize, 10]);
    for (const body of bodies) {
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(900_000);
      const { shared, events } = JSON.parse(body) as { shared: Record<string, unknown>; events: unknown[] };
      expect(validateEvents(expandSharedEvents(shared, events, { user: "churn-api", team: "churn" }))).toHaveLength(events.length);
    }
  });
});
