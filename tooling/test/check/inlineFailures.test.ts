import { describe, expect, it, test } from "vitest";
import { checkExample } from "../../src/check/checkExample.ts";
import { inlineFailures } from "../../src/check/inlineFailures.ts";
import type { InlineOutcome } from "../../src/records/InlineOutcome.ts";
import type { InlineResult } from "../../src/records/InlineResult.ts";
import type { RunResult } from "../../src/records/RunResult.ts";
import { exampleWith, resultWith } from "../support/records.ts";

const check = (line: number, code: string, expected: string, kind: InlineResult["kind"] = "value"): InlineResult => ({ line, statementLine: line, code, expected, kind, start: 0, end: 0 });
const checks = [check(11, 'parse("a.b");', "['a', 'b']"), check(12, "console.log(total);", "3", "logged")];
const example = exampleWith([], { inlineResults: checks });
const failuresOf = (inline: InlineOutcome[], result: Partial<RunResult> = {}) => inlineFailures(example, resultWith({ inline, ...result }));

describe("inlineFailures: each //=> check that did not hold, with its line, expected and actual value", () => {
  it("has none when every check ran and matched, and the example passes without @expect", () => {
    const result = resultWith({ inline: [{ line: 11, runs: 1 }, { line: 12, runs: 3 }], stdout: "anything\n" });
    expect(inlineFailures(example, result)).toEqual([]);
    expect(checkExample(example, result).status).toBe("passed");
  });

  test.each<[string, InlineOutcome, string]>([
    // a value that is not deeply equal
    ["unequal", { line: 11, runs: 1, mismatch: { reason: "unequal", actual: "[ 'a', 'c' ]" } },
      "examples/demo.ts:11: `parse(\"a.b\");` is [ 'a', 'c' ], expected ['a', 'b'] (compared by deep equality)"],
    // a promise not awaited
    ["a promise", { line: 11, runs: 1, mismatch: { reason: "unequal", actual: "Promise { <pending> }", promise: true } },
      "examples/demo.ts:11: `parse(\"a.b\");` is Promise { <pending> }, expected ['a', 'b'] (compared by deep equality); it is a promise: write `await` in the statement to check what it resolves to"],
    // a text that does not match
    ["text", { line: 11, runs: 1, mismatch: { reason: "text", actual: "Map(1) { 'a' => 1 }" } },
      "examples/demo.ts:11: `parse(\"a.b\");` is Map(1) { 'a' => 1 }, expected ['a', 'b'] (compared as util.inspect prints it, {...} for any text)"],
    // VALUE threw as it was read
    ["expected threw", { line: 11, runs: 1, mismatch: { reason: "expected-threw", actual: "1", error: "ReferenceError: hello is not defined" } },
      "examples/demo.ts:11: the expected value `['a', 'b']` threw ReferenceError: hello is not defined when read as JavaScript; write a value JavaScript can read (a string in quotes: 'text'), or text that is not an expression"],
    // comparing threw
    ["compare threw", { line: 11, runs: 1, mismatch: { reason: "compare-threw", actual: "{}", error: "Error: no keys" } },
      "examples/demo.ts:11: comparing the value of `parse(\"a.b\");` ({}) with ['a', 'b'] threw Error: no keys"],
    // too long a text
    ["too long", { line: 11, runs: 1, mismatch: { reason: "too-long", actual: "{ key0: 0, … (90000 characters in all)" } },
      "examples/demo.ts:11: `parse(\"a.b\");` is { key0: 0, … (90000 characters in all), too long to compare with ['a', 'b'] as text; check a part of it"],
  ])("%s", (_name, outcome, message) => {
    const failures = failuresOf([outcome, { line: 12, runs: 1 }]);
    expect(failures).toEqual([{ kind: "inline", line: 11, message }]);
  });

  it("says what was logged, for a check after console.log", () => {
    const failures = failuresOf([{ line: 11, runs: 1 }, { line: 12, runs: 1, mismatch: { reason: "unequal", actual: "4" } }]);
    expect(failures.map((failure) => failure.message)).toEqual(["examples/demo.ts:12: `console.log(total);` logged 4, expected 3 (compared by deep equality)"]);
  });

  it("fails a check whose statement never ran, when the example returned", () => {
    expect(failuresOf([{ line: 11, runs: 1 }])).toEqual([
      { kind: "inline", line: 12, message: "examples/demo.ts:12: `console.log(total);` never ran while the example ran, so `//=> 3` was not checked" },
    ]);
    // without any outcome: the file was not instrumented, or nothing ran
    expect(inlineFailures(example, resultWith())).toHaveLength(2);
  });

  it("does not add never-ran failures to an example that threw, timed out or crashed, but keeps mismatches found before", () => {
    const threw: Partial<RunResult> = { status: "threw", error: { name: "Error", message: "boom" } };
    expect(failuresOf([], threw)).toEqual([]);
    expect(failuresOf([{ line: 11, runs: 1, mismatch: { reason: "unequal", actual: "[]" } }], threw).map((failure) => failure.line)).toEqual([11]);
  });

  it("puts the failures in the verdict, beside the others", () => {
    const verdict = checkExample(example, resultWith({ inline: [{ line: 11, runs: 1, mismatch: { reason: "unequal", actual: "[]" } }, { line: 12, runs: 1 }] }));
    expect(verdict.status).toBe("failed");
    expect(verdict.failures.map((failure) => [failure.kind, failure.line])).toEqual([["inline", 11]]);
  });
});
