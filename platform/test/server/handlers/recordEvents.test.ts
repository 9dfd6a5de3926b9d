import { afterAll, beforeAll, expect, test } from "vitest";
import { callRegistry } from "../../support/callRegistry.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

// the registry's clock: events are recorded when they say they happened, within a window of it
const now = new Date("2030-06-01T12:00:00.000Z");
let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry({ now: () => now });
}, 60_000);
afterAll(() => registry.close());

const event = (at: string) => ({ at, fn: "find", args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 2, user: null, team: null, clientVersion: "0.1.0", model: null });
const minutes = (count: number) => new Date(now.getTime() + count * 60_000).toISOString();

test("events from the last 24 hours up to 5 minutes ahead of the registry's clock are recorded", async () => {
  const events = [event(minutes(-24 * 60 + 1)), event(minutes(-1)), event(minutes(5))];
  expect((await callRegistry(registry, "POST", "/v1/events", { body: { events } })).json).toEqual({ recorded: 3 });
});

test.each([
  // [why, at]
  ["backdated a year", "2029-06-01T12:00:00.000Z"],
  ["backdated a day and a minute", minutes(-24 * 60 - 1)],
  ["an hour ahead", minutes(60)],
  ["not a time at all", "2030-06-01Tnoon"],
])("an event %s is refused with a 422 naming it, and none of its batch is recorded (issue 15, finding 7)", async (_why, at) => {
  const before = (await callRegistry(registry, "GET", "/v1/events", { token: registry.tokens.admin })).json.events.length;
  const refused = await callRegistry(registry, "POST", "/v1/events", { body: { events: [event(minutes(0)), event(at)] } });
  expect(refused.status).toBe(422);
  expect(refused.json.error.problems).toEqual([
    { path: "events[1].at", expected: "a time from 24 hours before to 5 minutes after the registry's clock (2030-06-01T12:00:00.000Z)", got: JSON.stringify(at) },
  ]);
  expect((await callRegistry(registry, "GET", "/v1/events", { token: registry.tokens.admin })).json.events).toHaveLength(before);
});

test("`shared` gives every event the fields it lacks; an event's own field wins, and user and team are the token's", async () => {
  const own = (at: string) => ({ at, durationMs: 3, args: [{ rows: 2 }] });
  const shared = { fn: "predict", success: true, errorClass: null, errorCode: null, errorMessage: null, user: "someone-else", team: "other-team", clientVersion: "0.1.0", model: "churn@3" };
  const failed = { ...own(minutes(-2)), success: false, errorClass: "RangeError", errorCode: null, errorMessage: "x must not be -1", user: "mallory" };
  const sent = await callRegistry(registry, "POST", "/v1/events", { body: { shared, events: [own(minutes(-3)), failed] } });
  expect(sent.json).toEqual({ recorded: 2 });
  const recorded = (await callRegistry(registry, "GET", "/v1/events", { token: registry.tokens.admin })).json.events.filter((event: { model: string }) => event.model === "churn@3");
  const identity = { user: expect.any(String), team: expect.any(String) };
  expect(recorded).toEqual([
    { ...shared, ...own(minutes(-3)), ...identity },
    { ...shared, ...failed, ...identity },
  ]);
  expect(recorded.map((event: { user: string }) => event.user)).not.toContain("mallory");
  expect(recorded.map((event: { user: string }) => event.user)).not.toContain("someone-else");
});

test.each([
  // [why, body, problem]
  ["a field that is no event's", { shared: { fn: "predict", rows: 1 }, events: [{ at: minutes(0) }] }, { path: "shared.rows", expected: expect.stringContaining("no such field") }],
  ["shared that is not an object", { shared: ["predict"], events: [] }, { path: "shared", expected: "an object" }],
  ["an event that lacks a field shared does not give", { shared: { fn: "predict", success: true, errorClass: null, errorCode: null, errorMessage: null, clientVersion: "0.1.0", model: null }, events: [{ at: minutes(0), durationMs: 1 }, { at: minutes(0) }] }, { path: "events[1].durationMs", expected: expect.any(String) }],
])("a batch with %s is refused with a 422 naming it", async (_why, body, problem) => {
  const refused = await callRegistry(registry, "POST", "/v1/events", { body });
  expect(refused.status).toBe(422);
  expect(refused.json.error.problems).toEqual([expect.objectContaining(problem)]);
});

test("`shared` cannot make a small body store more than a body at the limit could: a 422 naming it, nothing recorded", async () => {
  const before = (await callRegistry(registry, "GET", "/v1/events", { token: registry.tokens.admin })).json.events.length;
  // 30 kB sent, 10,000 events that would each keep a 3,000-character argument summary: 30 MB
  const shared = { at: minutes(0), fn: "predict", args: "x".repeat(3000), success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, clientVersion: "0.1.0", model: null };
  const refused = await callRegistry(registry, "POST", "/v1/events", { body: { shared, events: Array.from({ length: 10_000 }, () => ({})) } });
  expect(refused.status).toBe(422);
  expect(refused.json.error.problems).toEqual([{ path: "shared", expected: expect.stringMatching(/^at most 16777216 bytes once given to every event/), got: `${JSON.stringify(shared).length * 10_000} bytes` }]);
  expect((await callRegistry(registry, "GET", "/v1/events", { token: registry.tokens.admin })).json.events).toHaveLength(before);
  // the same shared part for 100 events is taken
  expect((await callRegistry(registry, "POST", "/v1/events", { body: { shared, events: Array.from({ length: 100 }, () => ({})) } })).json).toEqual({ recorded: 100 });
});

test.each([
  // [why, field, value]
  ["a NUL in the error message", "errorMessage", "a\u0000b"],
  ["a lone surrogate in the arguments", "args", [{ name: "a\ud800b" }]],
])("an event with %s is refused with a 422 naming its field, and none of its batch is recorded", async (_why, field, value) => {
  const before = (await callRegistry(registry, "GET", "/v1/events", { token: registry.tokens.admin })).json.events.length;
  const refused = await callRegistry(registry, "POST", "/v1/events", { body: { events: [event(minutes(0)), { ...event(minutes(0)), [field]: value }] } });
  expect(refused.status).toBe(422);
  expect(refused.json.error.problems).toEqual([{ path: `events[1].${field}`, expected: "text without a NUL character (U+0000) or a lone surrogate, which the store cannot keep as text" }]);
  expect((await callRegistry(registry, "GET", "/v1/events", { token: registry.tokens.admin })).json.events).toHaveLength(before);
});
