import { expect, test } from "vitest";
import { checkInputSchema } from "../../src/batch/checkInputSchema.ts";
import type { Field } from "../../src/envelope/Envelope.ts";

const inputs: Field[] = [
  { name: "x", type: "number", nullable: false },
  { name: "plan", type: "string", nullable: false },
  { name: "visits", type: "integer", nullable: true },
];
const outputs: Field[] = [{ name: "y", type: "number", nullable: false }];
const good = [
  { name: "id", type: "BIGINT", nulls: 0 },
  { name: "x", type: "DECIMAL(10,2)", nulls: 0 },
  { name: "plan", type: "VARCHAR", nulls: 0 },
  { name: "visits", type: "INTEGER", nulls: 4 },
];

test("a table that fits the shape has no problems; integer columns feed number fields, nulls feed nullable ones", () => {
  expect(checkInputSchema("a.parquet", good, inputs, outputs, ["id"])).toEqual([]);
});

test.each([
  // what is wrong, the columns, the ids, the problem expected
  ["a missing column", good.filter((column) => column.name !== "plan"), ["id"], { path: "a.parquet: column plan", expected: "a VARCHAR column for the model's input plan", got: "no such column" }],
  ["a string column for a number", good.map((column) => (column.name === "x" ? { ...column, type: "VARCHAR" } : column)), ["id"], { path: "a.parquet: column x", expected: "a numeric column (DOUBLE, FLOAT, DECIMAL or an integer type)", got: "VARCHAR" }],
  ["a double column for an integer", good.map((column) => (column.name === "visits" ? { ...column, type: "DOUBLE" } : column)), ["id"], { path: "a.parquet: column visits", expected: "an integer column (BIGINT, INTEGER, ...)", got: "DOUBLE" }],
  ["nulls where the model wants values", good.map((column) => (column.name === "x" ? { ...column, nulls: 2 } : column)), ["id"], { path: "a.parquet: column x", expected: "a value in every row (the model's x is not nullable)", got: "2 nulls" }],
  ["a missing id column", good, ["client"], { path: "a.parquet: column client", expected: "an id column to keep in the output", got: "no such column" }],
  ["an id column named like an output", [...good, { name: "y", type: "BIGINT", nulls: 0 }], ["y"], { path: "a.parquet: column y", expected: "an id column named unlike the output columns (y, model, version)", got: "y" }],
])("%s is a problem naming the file and column", (_, columns, ids, problem) => {
  expect(checkInputSchema("a.parquet", columns, inputs, outputs, ids)).toEqual([problem]);
});

test("every problem is listed, not just the first", () => {
  const columns = [{ name: "x", type: "BOOLEAN", nulls: 1 }];
  expect(checkInputSchema("b.csv", columns, inputs, outputs, []).map((problem) => problem.path)).toEqual(["b.csv: column x", "b.csv: column plan", "b.csv: column visits"]);
});
