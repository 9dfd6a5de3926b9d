import { expect, test } from "vitest";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { deriveFields } from "../../src/shape/deriveFields.ts";

test("derives types, integer vs number, and nullability (null or missing)", () => {
  expect(deriveFields([{ age: 30, score: 0.5, plan: "pro", active: true, note: null }, { age: 41, score: 1, plan: "basic", active: false, note: "x" }, { age: 22, score: 2, plan: "pro" }])).toEqual([
    { name: "age", type: "integer", nullable: false },
    { name: "score", type: "number", nullable: false },
    { name: "plan", type: "string", nullable: false },
    { name: "active", type: "boolean", nullable: true },
    { name: "note", type: "string", nullable: true },
  ]);
});

test("lists every problem with its row: mixed types, nested values, non-finite numbers, all-null columns, non-object rows", () => {
  let error: EnvelopeError | undefined;
  try {
    deriveFields([{ age: 30, tags: ["a"], empty: null }, { age: "31", score: Number.POSITIVE_INFINITY }, 5], "inputs");
  } catch (thrown) {
    error = thrown as EnvelopeError;
  }
  expect(error?.code).toBe("ENVELOPE_INVALID");
  expect(error?.shortMessage).toBe("5 problems in the sample inputs");
  expect(error?.problems.map((problem) => `${problem.path}: expected ${problem.expected}, got ${problem.got}`)).toEqual([
    'inputs[0].tags: expected a number, string, boolean or null, got ["a"]',
    'inputs[1].age: expected a number like the earlier rows, got "31"',
    "inputs[1].score: expected a number, string, boolean or null, got Infinity",
    "inputs[2]: expected an object, got 5",
    "inputs[*].empty: expected at least one non-null value to infer a type, got null",
  ]);
});

test("needs at least one row", () => {
  expect(() => deriveFields([])).toThrow(/rows: expected at least one sample row/);
});
