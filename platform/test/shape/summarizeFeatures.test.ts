import { expect, test } from "vitest";
import { summarizeFeatures } from "../../src/shape/summarizeFeatures.ts";

test("count, nulls, min/max/mean for numbers, distinct for strings, trues for booleans", () => {
  const rows = [
    { age: 30, plan: "pro", active: true, income: null },
    { age: 50, plan: "basic", active: false, income: null },
    { age: null, plan: "pro", active: true, income: 1.5 },
    { plan: "pro" },
  ];
  expect(summarizeFeatures(rows)).toEqual({
    age: { type: "integer", count: 2, nulls: 2, min: 30, max: 50, mean: 40 },
    plan: { type: "string", count: 4, nulls: 0, distinct: 2 },
    active: { type: "boolean", count: 3, nulls: 1, trues: 2 },
    income: { type: "number", count: 1, nulls: 3, min: 1.5, max: 1.5, mean: 1.5 },
  });
});

test("a declared numeric field without values gets null statistics", () => {
  expect(summarizeFeatures([{ x: null }], [{ name: "x", type: "number", nullable: true }])).toEqual({ x: { type: "number", count: 0, nulls: 1, min: null, max: null, mean: null } });
});
