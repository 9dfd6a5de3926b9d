import { expect, test } from "vitest";
import type { Field } from "../../src/envelope/Envelope.ts";
import { columnsFromFrame, columnsFromPredictions, columnsToFrame, rowsFromColumns, type Column } from "../../src/serving/columnar.mjs";

const columns: Column[] = [
  { name: "tenure", kind: "i32", data: Int32Array.from([3, 0, -7]) },
  { name: "spend", kind: "f64", data: Float64Array.from([1.5, 0, 2.25]), nulls: Uint8Array.from([0, 1, 0]) },
  { name: "plan", kind: "dict", dict: ["basic", "pro"], data: Uint8Array.from([1, 0, 1]) },
  { name: "region", kind: "dict", dict: Array.from({ length: 300 }, (_, index) => `r${index}`), data: Uint16Array.from([299, 0, 256]), nulls: Uint8Array.from([0, 0, 1]) },
  { name: "active", kind: "bool", data: Uint8Array.from([1, 0, 1]), nulls: Uint8Array.from([0, 0, 1]) },
  { name: "note", kind: "str", values: ["a", null, "c \"quoted\""] },
];

const rows = [
  { tenure: 3, spend: 1.5, plan: "pro", region: "r299", active: true, note: "a" },
  { tenure: 0, spend: null, plan: "basic", region: "r0", active: false, note: null },
  { tenure: -7, spend: 2.25, plan: "pro", region: null, active: null, note: 'c "quoted"' },
];

test("a batch's columns become the row objects /predict would give, keys in column order, nulls as null", () => {
  const made = rowsFromColumns({ rows: 3, columns });
  expect(made).toEqual(rows);
  expect(made.map((row) => Object.keys(row))).toEqual(rows.map(() => ["tenure", "spend", "plan", "region", "active", "note"]));
});

test("columns survive the frame's header and buffers with their kinds and widths", () => {
  const { columns: described, buffers } = columnsToFrame(columns);
  expect(JSON.parse(JSON.stringify(described))).toEqual(described);
  const copies = buffers.map((view) => view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer);
  const back = columnsFromFrame(described, copies);
  expect(back).toEqual(columns);
  expect((back[3] as { data: unknown }).data).toBeInstanceOf(Uint16Array);
  expect(rowsFromColumns({ rows: 3, columns: back })).toEqual(rows);
});

test("a column whose length is not the batch's is refused, not read past its end", () => {
  expect(() => rowsFromColumns({ rows: 4, columns })).toThrow("column tenure carried 3 values for 4 rows");
});

const outputs: Field[] = [
  { name: "score", type: "number", nullable: false },
  { name: "count", type: "integer", nullable: true },
  { name: "label", type: "string", nullable: true },
  { name: "flag", type: "boolean", nullable: false },
];

test("predictions that plainly fit become columns; -0 becomes 0 as through JSON; nulls become masks", () => {
  const predictions = [
    { score: -0, count: 2, label: "x", flag: true },
    { score: 0.25, count: null, label: null, flag: false },
  ];
  const encoded = columnsFromPredictions(predictions, outputs, 2)!;
  expect(encoded).toEqual([
    { name: "score", kind: "f64", data: Float64Array.from([0, 0.25]) },
    { name: "count", kind: "f64", data: Float64Array.from([2, 0]), nulls: Uint8Array.from([0, 1]) },
    { name: "label", kind: "str", values: ["x", null] },
    { name: "flag", kind: "bool", data: Uint8Array.from([1, 0]) },
  ]);
  expect(Object.is((encoded[0] as { data: Float64Array }).data[0], 0)).toBe(true);
});

test.each([
  ["not an array", { score: 1 }],
  ["one prediction short", [{ score: 1, count: 1, label: "a", flag: true }]],
  ["NaN, which JSON would make null", [{ score: NaN, count: 1, label: "a", flag: true }, { score: 1, count: 1, label: "a", flag: true }]],
  ["a string for a number", [{ score: "1", count: 1, label: "a", flag: true }, { score: 1, count: 1, label: "a", flag: true }]],
  ["a fraction for an integer", [{ score: 1, count: 1.5, label: "a", flag: true }, { score: 1, count: 1, label: "a", flag: true }]],
  ["an extra key", [{ score: 1, count: 1, label: "a", flag: true, more: 1 }, { score: 1, count: 1, label: "a", flag: true }]],
  ["a nullable key left out", [{ score: 1, label: "a", flag: true }, { score: 1, count: 1, label: "a", flag: true }]],
  ["null where a value is wanted", [{ score: null, count: 1, label: "a", flag: true }, { score: 1, count: 1, label: "a", flag: true }]],
  ["a row that is not an object", [null, { score: 1, count: 1, label: "a", flag: true }]],
])("predictions with %s are left for the parent's checks (no columns)", (_, predictions) => {
  expect(columnsFromPredictions(predictions, outputs, 2)).toBeUndefined();
});
