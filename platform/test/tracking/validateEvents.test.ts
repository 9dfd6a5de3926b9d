import { expect, test } from "vitest";
import { validateEvents } from "../../src/tracking/validateEvents.ts";

const event = (args: unknown) => ({ at: "2030-01-01T00:00:00.000Z", fn: "get", args, success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, clientVersion: "0.1.0", model: null });
const refusal = /events\[0\]\.args.*an argument summary under 4000 characters/s;

test.each([
  ["a short summary", [{ rows: "<1 items>" }]],
  ["none", undefined],
  ["a string whose JSON is 4000 characters exactly", "x".repeat(3998)],
  ["control characters whose JSON is 4000 characters exactly (6 each)", `${"\u0001".repeat(666)}xx`],
  ["an object of many short members", Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`k${index}`, index]))],
])("accepted: %s", (_what, args) => {
  expect(validateEvents([event(args)])).toHaveLength(1);
});

test.each([
  ["a string whose JSON is 4001 characters", "x".repeat(3999)],
  ["control characters, 6 characters each in JSON", "\u0001".repeat(700)],
  ["lone surrogates, 6 characters each in JSON", "\ud800".repeat(700)],
  ["long numbers, 24 characters each", Array.from({ length: 170 }, () => -1.7976931348623157e308)],
  ["long keys with quotes to escape", Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`"${index}`.padEnd(60, '"'), true]))],
  ["an array whose toJSON writes a long text", Object.assign([1], { toJSON: () => "x".repeat(5000) })],
  ["an object of a class whose toJSON writes a long text", new (class Long { toJSON() { return "x".repeat(5000); } })()],
  ["a deep nest around a long text", JSON.parse(`${"[".repeat(20)}"${"x".repeat(4000)}"${"]".repeat(20)}`)],
])("refused: %s", (_what, args) => {
  expect(() => validateEvents([event(args)])).toThrow(refusal);
});
