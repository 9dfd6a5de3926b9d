import { describe, expect, test } from "vitest";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { buildUsageEvent, describeFailure } from "../../src/tracking/buildUsageEvent.ts";
import { expandSharedEvents, usageEventKeys } from "../../src/tracking/expandSharedEvents.ts";
import { formatServedEvents, servedEvent, type ServedEventFields, type ServedRequest } from "../../src/tracking/servedEvents.ts";

const fields: ServedEventFields = { fn: "predict", model: "churn@3", clientVersion: "0.1.0", user: "churn-api", team: "churn" };

// successes and failures, a few to a millisecond and some not, durations with many decimals,
// messages with quotes, newlines, backslashes, unicode and a lone surrogate
const requests: ServedRequest[] = [
  { at: Date.UTC(2030, 0, 1, 12, 0, 0, 1), durationMs: 1.23456789, rows: 1, failure: null },
  { at: Date.UTC(2030, 0, 1, 12, 0, 0, 1), durationMs: 0, rows: 10_000, failure: null },
  { at: Date.UTC(2030, 0, 1, 12, 0, 0, 2), durationMs: 5000.0004, rows: 0, failure: describeFailure(new EnvelopeError("ENVELOPE_MALFORMED_JSON", 'the body is not JSON: "{not json" at line 1\n\tcolumn 2 \\ é \ud800')) },
  { at: Date.UTC(2030, 0, 1, 23, 59, 59, 999), durationMs: 1e-7, rows: 3, failure: describeFailure(new RangeError("x must not be -1")) },
  { at: Date.UTC(2030, 0, 2), durationMs: 12.5, rows: 2, failure: describeFailure("a thrown string") },
];

describe("servedEvent", () => {
  test("is the event the generic tracker records for a request with its rows, plus the service's identity", () => {
    for (const request of requests) {
      const failed = request.failure !== null;
      const generic = buildUsageEvent({ fn: "predict", args: [{ rows: request.rows }], model: "churn@3", at: new Date(request.at).toISOString(), durationMs: request.durationMs, failed, error: undefined, clientVersion: "0.1.0" });
      expect(servedEvent(request, fields)).toEqual({ ...generic, ...request.failure, user: "churn-api", team: "churn" });
    }
  });
});

/** the events a registry reads from the body: each one completed from `shared` */
function received(body: string, identity: ServedEventFields) {
  const { shared, events, ...rest } = JSON.parse(body) as { shared: Record<string, unknown>; events: unknown[] };
  expect(rest).toEqual({});
  expect(Object.keys(shared).filter((key) => !(usageEventKeys as readonly string[]).includes(key))).toEqual([]);
  return expandSharedEvents(shared, events, { user: identity.user, team: identity.team });
}

describe("formatServedEvents", () => {
  test("writes a body the registry reads as the requests' servedEvents, each field where JSON.stringify would put it", () => {
    const body = formatServedEvents(requests, fields);
    expect(received(body, fields)).toEqual(requests.map((request) => servedEvent(request, fields)));
    // and no field twice: the text is the shared part once and each event's own fields
    expect(JSON.stringify(received(body, fields))).toBe(JSON.stringify(requests.map((request) => servedEvent(request, fields))));
  });

  test("sends what the events share once: a success's event is its time, rows and duration", () => {
    const body = JSON.parse(formatServedEvents(requests.slice(0, 1), fields)) as { shared: unknown; events: unknown[] };
    expect(body).toEqual({
      shared: { fn: "predict", success: true, errorClass: null, errorCode: null, errorMessage: null, user: "churn-api", team: "churn", clientVersion: "0.1.0", model: "churn@3" },
      events: [{ at: "2030-01-01T12:00:00.001Z", args: [{ rows: 1 }], durationMs: 1.235 }],
    });
  });

  test("with no requests, and with identity fields that are null or need escaping", () => {
    const odd: ServedEventFields = { fn: "predict", model: 'a"b@1', clientVersion: "0.1.0\n", user: null, team: null };
    expect(JSON.parse(formatServedEvents([], odd))).toEqual({ shared: { fn: "predict", success: true, errorClass: null, errorCode: null, errorMessage: null, user: null, team: null, clientVersion: "0.1.0\n", model: 'a"b@1' }, events: [] });
    expect(received(formatServedEvents(requests, odd), odd)).toEqual(requests.map((request) => servedEvent(request, odd)));
  });
});
