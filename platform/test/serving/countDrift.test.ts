import { expect, test } from "vitest";
import type { Field } from "../../src/envelope/Envelope.ts";
import { countDrift } from "../../src/serving/countDrift.ts";
import { formatDriftHeader } from "../../src/serving/formatDriftHeader.ts";
import { trainingRanges } from "../../src/serving/trainingRanges.ts";

const inputs: Field[] = [
  { name: "age", type: "integer", nullable: true },
  { name: "monthly", type: "number", nullable: false },
  { name: "plan", type: "string", nullable: false },
  { name: "unseen", type: "number", nullable: true },
];
const ranges = trainingRanges(inputs, {
  age: { type: "integer", count: 2, nulls: 1, min: 18, max: 80, mean: 40 },
  monthly: { type: "number", count: 3, nulls: 0, min: 9.99, max: 49.5, mean: 30 },
  plan: { type: "string", count: 3, nulls: 0, distinct: 2 },
  unseen: { type: "number", count: 0, nulls: 3, min: null, max: null, mean: null },
});

test("training ranges come from numeric summaries with values only", () => {
  expect(ranges).toEqual([
    { field: "age", min: 18, max: 80 },
    { field: "monthly", min: 9.99, max: 49.5 },
  ]);
});

test.each([
  // why, rows, counts, header
  ["inside the range, bounds included", [{ age: 18, monthly: 49.5 }, { age: 80, monthly: 9.99 }], {}, undefined],
  ["below and above", [{ age: 17, monthly: 50 }, { age: 81, monthly: 20 }], { age: 2, monthly: 1 }, "age=2, monthly=1"],
  ["nulls are not drift", [{ age: null, monthly: 20, unseen: 1e9 }], {}, undefined],
] as const)("%s", (_why, rows, counts, header) => {
  expect(countDrift(rows, ranges)).toEqual(counts);
  expect(formatDriftHeader(countDrift(rows, ranges))).toBe(header);
});

test("the header percent-encodes field names", () => {
  expect(formatDriftHeader({ "âge, years": 1 })).toBe("%C3%A2ge%2C%20years=1");
});
