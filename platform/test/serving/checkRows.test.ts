import { expect, test } from "vitest";
import type { Field } from "../../src/envelope/Envelope.ts";
import { checkRows } from "../../src/serving/checkRows.ts";

const fields: Field[] = [
  { name: "age", type: "integer", nullable: false },
  { name: "monthly", type: "number", nullable: false },
  { name: "plan", type: "string", nullable: true },
  { name: "active", type: "boolean", nullable: false },
];
const good = { age: 34, monthly: 49.5, plan: "pro", active: true };

test.each([
  // why, row, problems as [field, expected, got]
  ["a valid row", good, []],
  ["a nullable field null", { ...good, plan: null }, []],
  ["a nullable field missing (samples that lacked it made it nullable)", { age: 1, monthly: 1, active: false }, []],
  ["a whole number is a number", { ...good, monthly: 50 }, []],
  ["a missing field", { monthly: 1, plan: "pro", active: true }, [["age", "an integer", "nothing"]]],
  ["null where not nullable", { ...good, active: null }, [["active", "true or false", "null"]]],
  ["a string for an integer", { ...good, age: "34" }, [["age", "an integer", '"34"']]],
  ["a fraction for an integer", { ...good, age: 34.5 }, [["age", "an integer", "34.5"]]],
  ["a number for a string", { ...good, plan: 3 }, [["plan", "a string or null", "3"]]],
  ["a string for a boolean", { ...good, active: "yes" }, [["active", "true or false", '"yes"']]],
  ["an object for a number", { ...good, monthly: { value: 1 } }, [["monthly", "a number", '{"value":1}']]],
  ["an extra field", { ...good, color: "red" }, [["color", "no such field (known: age, monthly, plan, active)", '"red"']]],
  ["a missing and an extra field: both", { monthly: 1, active: true, agee: 3 }, [["age", "an integer", "nothing"], ["agee", "no such field (known: age, monthly, plan, active)", "3"]]],
  ["not an object", [1, 2], [["(row)", "an object with age, monthly, plan, active", "[1,2]"]]],
  ["null row", null, [["(row)", "an object with age, monthly, plan, active", "null"]]],
] as const)("%s", (_why, row, expected) => {
  expect(checkRows([row], fields).map((problem) => [problem.field, problem.expected, problem.got])).toEqual(expected);
});

test("problems name their row index and path, in row order", () => {
  const problems = checkRows([good, { ...good, age: "x" }, good, { ...good, active: 1 }], fields);
  expect(problems.map((problem) => [problem.row, problem.path])).toEqual([
    [1, "rows[1].age"],
    [3, "rows[3].active"],
  ]);
});

test("stops at the limit, and names another side's path", () => {
  const bad = Array.from({ length: 50 }, () => ({}));
  const problems = checkRows(bad, fields, "predictions", 5);
  expect(problems).toHaveLength(5);
  expect(problems[0]!.path).toBe("predictions[0].age");
});
