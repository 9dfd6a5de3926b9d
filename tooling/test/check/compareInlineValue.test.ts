import { describe, expect, it, test } from "vitest";
import { compareInlineValue, inlineTextLimit } from "../../src/check/compareInlineValue.ts";

class Point {
  constructor(readonly x: number) {}
}

describe("compareInlineValue: a value and the text after //=>", () => {
  test.each<[string, unknown, string, "value" | "logged"]>([
    // a number, as a JavaScript expression
    ["a number", 3, "3", "value"],
    // an array, by deep equality
    ["an array", ["a", "b"], "['a', 'b']", "value"],
    // an object: key order does not matter
    ["an object", { a: 1, b: [1] }, "{ b: [1], a: 1 }", "value"],
    // NaN equals NaN
    ["NaN", Number.NaN, "NaN", "value"],
    // undefined
    ["undefined", undefined, "undefined", "value"],
    // any expression of the globals
    ["a Map built", new Map([["a", 1]]), "new Map([['a', 1]])", "value"],
    // a comment after the value
    ["a comment after it", 3, "3 // three", "value"],
    // not an expression: util.inspect's text
    ["a Map as inspect prints it", new Map([["a", 1]]), "Map(1) { 'a' => 1 }", "value"],
    // a class instance as inspect prints it
    ["a class instance", new Point(1), "Point { x: 1 }", "value"],
    // {...} stands for any text when the value is compared as text
    ["a wildcard", { id: "7f3a-91", name: "churn" }, "{ id: {...}, name: 'churn' }", "value"],
    // runs of blanks are one
    ["blanks", { id: "7f3a", name: "churn" }, "{  id: {...},   name: 'churn' }", "value"],
    // an object inspect would break over lines is read on one
    ["a long object", { list: Array.from({ length: 30 }, (_, index) => index) }, "{ list: [ 0, 1, {...}, 29 ] }", "value"],
    // a logged string, as printed
    ["a logged string as printed", "hello world", "hello world", "logged"],
    // a logged string, as a JavaScript string
    ["a logged string as a string", "hello", "'hello'", "logged"],
    // a logged object as printed
    ["a logged object as printed", new Point(2), "Point { x: 2 }", "logged"],
  ])("%s matches", (_name, value, expected, kind) => {
    expect(compareInlineValue(value, expected, kind)).toBeUndefined();
  });

  test.each<[string, unknown, string, "value" | "logged", object]>([
    // another number
    ["another number", 2, "3", "value", { reason: "unequal", actual: "2" }],
    // a string is not a number
    ["a string for a number", "1", "1", "value", { reason: "unequal", actual: "'1'" }],
    // deep equality compares prototypes
    ["a class instance for an object", new Point(1), "{ x: 1 }", "value", { reason: "unequal", actual: "Point { x: 1 }" }],
    // another text
    ["another text", new Map([["a", 1]]), "Map(1) { 'a' => 2 }", "value", { reason: "text", actual: "Map(1) { 'a' => 1 }" }],
    // a logged string is not the same number
    ["a logged string for a number", "true", "true", "logged", { reason: "unequal", actual: "'true'" }],
    // a value that throws as it is read
    ["an expected value that throws", 1, "hello", "value", { reason: "expected-threw", actual: "1", error: "ReferenceError: hello is not defined" }],
    // a promise the statement did not await
    ["a promise not awaited", Promise.resolve(1), "1", "value", { reason: "unequal", actual: "Promise { 1 }", promise: true }],
  ])("%s does not match", (_name, value, expected, kind, mismatch) => {
    expect(compareInlineValue(value, expected, kind)).toEqual(mismatch);
  });

  it("fails a comparison that throws (a Proxy whose traps throw), naming the error", () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error("no keys for you"); }, getPrototypeOf: () => { throw new Error("no prototype"); } });
    expect(compareInlineValue(hostile, "{}", "value")).toMatchObject({ reason: "compare-threw", error: expect.stringMatching(/^Error: no (keys for you|prototype)$/) });
  });

  it("keeps at most inlineTextLimit characters of a huge value's text, and fails a text comparison it cannot make whole", () => {
    const wide = Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`key${index}`, index]));
    const unequal = compareInlineValue(wide, "{}", "value")!;
    expect(unequal.reason).toBe("unequal");
    expect(unequal.actual.length).toBeLessThanOrEqual(inlineTextLimit);
    expect(unequal.actual).toMatch(/^\{ key0: 0, key1: 1, .*… \(\d+ characters in all\)$/);
    const text = compareInlineValue(wide, "{ key0: 0, {...} }", "value")!;
    expect(text).toMatchObject({ reason: "too-long" });
    expect(text.actual.length).toBeLessThanOrEqual(inlineTextLimit);
  });

  it("reads a long string's text with util.inspect's bound, so that a huge string costs a bounded text", () => {
    const mismatch = compareInlineValue("x".repeat(5_000_000), "'y'", "value")!;
    expect(mismatch.actual.length).toBeLessThanOrEqual(inlineTextLimit);
  });
});
