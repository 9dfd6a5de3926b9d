import { expect, test } from "vitest";
import { errorTextLimit, serializeError } from "../../src/run/serializeError.ts";

const throwing = () => {
  throw new Error("trap");
};

test.each<[string, unknown, object]>([
  // an Error: its name, message and stack
  ["error", new TypeError("bad"), { name: "TypeError", message: "bad", stack: expect.stringMatching(/^TypeError: bad\n/) }],
  // a string thrown as is
  ["string", "oops", { name: "string", message: "oops" }],
  // an object, as JSON
  ["object", { code: 7 }, { name: "object", message: '{"code":7}' }],
  // undefined has no JSON
  ["undefined", undefined, { name: "undefined", message: "undefined" }],
  // a Proxy whose every trap throws
  ["proxy", new Proxy({}, { get: throwing, getPrototypeOf: throwing, ownKeys: throwing, has: throwing }), { name: "object", message: "a value that cannot be inspected (a Proxy whose traps throw)" }],
  // an Error whose message getter throws
  ["message getter", Object.defineProperty(new Error("x"), "message", { get: throwing }), { name: "Error", message: "(its message could not be read: reading it threw)" }],
  // an object that JSON and String both refuse
  ["unprintable", { toJSON: throwing, toString: throwing }, { name: "object", message: "a value that cannot be printed" }],
])("%s", (_name, value, expected) => {
  expect(serializeError(value)).toMatchObject(expected);
});

test("keeps at most the limit of a huge message, saying how much it cut", () => {
  const { message } = serializeError(new Error("x".repeat(errorTextLimit + 10)));
  expect(message).toBe(`${"x".repeat(errorTextLimit)}… (10 more characters not kept)`);
});
