import { expect, test } from "vitest";
import { expandSharedEvents } from "../../src/tracking/expandSharedEvents.ts";

const identity = { user: "ada", team: "churn" };

test("an event takes from shared each field it lacks; its own wins, null included; user and team are the identity's", () => {
  const shared = { fn: "predict", success: true, errorClass: null, errorCode: null, errorMessage: null, clientVersion: "0.1.0", model: "churn@3", user: "bob", team: "fraud" };
  const [first, second] = expandSharedEvents(shared, [{ at: "2030-01-01T00:00:00.000Z", durationMs: 1, args: [] }, { at: "2030-01-01T00:00:01.000Z", durationMs: 2, args: null, model: null, success: false, errorClass: "Error", user: "mallory" }], identity);
  expect(first).toEqual({ ...shared, at: "2030-01-01T00:00:00.000Z", durationMs: 1, args: [], ...identity });
  expect(second).toEqual({ ...shared, at: "2030-01-01T00:00:01.000Z", durationMs: 2, args: null, model: null, success: false, errorClass: "Error", ...identity });
});

test("what is not an object stays as it is, for validateEvents to refuse; fields neither gives stay missing", () => {
  const [text, list, none, bare] = expandSharedEvents({ fn: "predict" }, ["an event", [1], null, {}], identity);
  expect([text, list, none]).toEqual(["an event", [1], null]);
  expect(bare).toMatchObject({ fn: "predict", at: undefined, durationMs: undefined, ...identity });
});

test("takes nothing from the prototype: a shared `constructor` or an event's `__proto__` key is no field", () => {
  const [event] = expandSharedEvents(JSON.parse('{"fn":"predict"}'), [JSON.parse('{"__proto__":{"at":"x"},"durationMs":1}')], identity);
  expect(event).toMatchObject({ fn: "predict", at: undefined, durationMs: 1 });
});
