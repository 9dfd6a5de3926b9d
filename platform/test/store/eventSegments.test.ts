import { expect, test } from "vitest";
import { eventSegments, eventsPerSegment } from "../../src/store/eventSegments.ts";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";

const event = (at: string, user: string | null, more: Partial<UsageEvent> = {}): UsageEvent => ({
  at, fn: "get", args: null, success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user, team: "churn", clientVersion: "0.1.0", model: null, ...more,
});

test("the body: short keys in the order t f a s c k m d v o, a null one left out, the events sorted by time then batch order", () => {
  const { segments } = eventSegments([
    event("2030-01-01T00:00:00.500Z", "ada", { args: { rows: 1, "q\"": ["\n"] }, success: false, errorClass: "EnvelopeError", errorCode: "ENVELOPE_MODEL", errorMessage: "boom \"x\"", durationMs: 0.1 + 0.2, model: "iris@1" }),
    event("2030-01-01T00:00:00.100Z", "ada", { durationMs: 1e-7 }),
    event("2030-01-01T00:00:00.500Z", "ada", { args: undefined, clientVersion: "first of two at .500" }),
  ]);
  expect(segments).toEqual([{
    firstAt: "2030-01-01T00:00:00.100Z", lastAt: "2030-01-01T00:00:00.500Z", team: "churn", user: "ada", events: 3, failures: 1, lastFailureAt: "2030-01-01T00:00:00.500Z",
    body: '[{"t":"2030-01-01T00:00:00.100Z","f":"get","s":true,"d":1e-7,"v":"0.1.0"},'
      + '{"t":"2030-01-01T00:00:00.500Z","f":"get","a":{"rows":1,"q\\"":["\\n"]},"s":false,"c":"EnvelopeError","k":"ENVELOPE_MODEL","m":"boom \\"x\\"","d":0.30000000000000004,"v":"0.1.0","o":"iris@1"},'
      + '{"t":"2030-01-01T00:00:00.500Z","f":"get","s":true,"d":1,"v":"first of two at .500"}]',
  }]);
  // what the body says is what was recorded, each at its place
  const recorded = JSON.parse(segments[0]!.body) as Array<Record<string, unknown>>;
  expect(recorded.map((row) => row["v"])).toEqual(["0.1.0", "0.1.0", "first of two at .500"]);
});

test("one segment per team, user and UTC second, in the order each first comes; keys say where each event went", () => {
  const batch = [
    event("2030-01-01T00:00:01.900Z", "ada"), // 0: ada, second 01
    event("2030-01-01T00:00:01.100Z", "bob", { success: false }), // 1: bob, second 01
    event("2030-01-01T00:00:01.000Z", "ada", { success: false }), // 2: ada, second 01, earliest
    event("2030-01-01T00:00:02.000Z", "ada"), // 3: ada, the next second
    event("2030-01-01T00:00:01.500Z", "ada", { team: null }), // 4: ada without a team
    event("2030-01-01T00:00:01.200Z", "bob", { success: false }), // 5: bob's latest failure
    event("2030-01-01T00:00:01.300Z", null), // 6: no user
  ];
  const { segments, keys } = eventSegments(batch);
  expect(segments.map(({ body: _body, ...segment }) => segment)).toEqual([
    { firstAt: "2030-01-01T00:00:01.000Z", lastAt: "2030-01-01T00:00:01.900Z", team: "churn", user: "ada", events: 2, failures: 1, lastFailureAt: "2030-01-01T00:00:01.000Z" },
    { firstAt: "2030-01-01T00:00:01.100Z", lastAt: "2030-01-01T00:00:01.200Z", team: "churn", user: "bob", events: 2, failures: 2, lastFailureAt: "2030-01-01T00:00:01.200Z" },
    { firstAt: "2030-01-01T00:00:02.000Z", lastAt: "2030-01-01T00:00:02.000Z", team: "churn", user: "ada", events: 1, failures: 0, lastFailureAt: null },
    { firstAt: "2030-01-01T00:00:01.500Z", lastAt: "2030-01-01T00:00:01.500Z", team: null, user: "ada", events: 1, failures: 0, lastFailureAt: null },
    { firstAt: "2030-01-01T00:00:01.300Z", lastAt: "2030-01-01T00:00:01.300Z", team: "churn", user: null, events: 1, failures: 0, lastFailureAt: null },
  ]);
  const s = eventsPerSegment;
  expect(keys).toEqual([1, s, 0, 2 * s, 3 * s, s + 1, 4 * s]);
});

test("each at normalized to UTC with milliseconds: offsets, microseconds, no fraction; an event already normal is the same object", () => {
  const normal = event("2030-01-01T10:00:00.000Z", "ada");
  const { events, segments } = eventSegments([normal, event("2030-01-01T23:30:00.123456-02:00", "ada"), event("2030-01-02T00:30:00Z", "ada"), event("2030-02-30T00:00:00.000Z", "ada")]);
  expect(events.map((each) => each.at)).toEqual(["2030-01-01T10:00:00.000Z", "2030-01-02T01:30:00.123Z", "2030-01-02T00:30:00.000Z", "2030-03-02T00:00:00.000Z"]);
  expect(events[0]).toBe(normal);
  expect(segments.map((segment) => [segment.firstAt, JSON.parse(segment.body)[0].t])).toEqual(events.map((each) => [each.at, each.at]));
});

test(`more than ${eventsPerSegment} events of one second split into segments of at most that many, in time order`, () => {
  const batch = Array.from({ length: eventsPerSegment + 2 }, (_, index) => event(`2030-01-01T00:00:00.${String(999 - (index % 1000)).padStart(3, "0")}Z`, "ada"));
  const { segments, keys } = eventSegments(batch);
  expect(segments.map((segment) => segment.events)).toEqual([eventsPerSegment, 2]);
  expect(segments[0]!.lastAt <= segments[1]!.firstAt).toBe(true);
  expect(new Set(keys).size).toBe(batch.length);
  expect(Math.max(...keys)).toBe(eventsPerSegment + 1);
});

test.each([
  // the store cannot keep these as text; the batch is refused whole, naming the event and field
  ["a NUL in the model", [event("2030-01-01T00:00:00.000Z", "ada"), event("2030-01-01T00:00:00.000Z", "ada", { model: "a\0b" })], /events\[1\]\.model: expected text without a NUL character/],
  ["a lone surrogate in args", [event("2030-01-01T00:00:00.000Z", "ada", { args: { x: "a\ud83db" } })], /events\[0\]\.args: expected text without a NUL character \(U\+0000\) or a lone surrogate/],
  ["a NUL in the user", [event("2030-01-01T00:00:00.000Z", "a\0")], /events\[0\]\.user: expected text without a NUL character/],
  ["a time that is not one", [event("2030-01-01T00:00:00.000Z", "ada"), event("yesterday", "ada")], /events\[1\]\.at: expected an ISO time such as 2030-01-01T00:00:00.000Z, got "yesterday"/],
])("refused: %s", (_label, batch, message) => {
  expect(() => eventSegments(batch)).toThrow(message);
});

test("a backslash before u0000 as text, a pair of surrogates and control characters are kept", () => {
  const odd = "\\u0000 \\\\ud83d 😀 \u0001\u001f\u2028";
  const { segments } = eventSegments([event("2030-01-01T00:00:00.000Z", odd, { errorMessage: odd, args: [odd] })]);
  expect(JSON.parse(segments[0]!.body)).toEqual([{ t: "2030-01-01T00:00:00.000Z", f: "get", a: [odd], s: true, m: odd, d: 1, v: "0.1.0" }]);
});
