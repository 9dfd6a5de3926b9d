import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, expect, test } from "vitest";
import { countInputDrift } from "../../src/batch/countInputDrift.ts";
import { sourceOf } from "../../src/batch/InputPart.ts";
import { countDrift } from "../../src/serving/countDrift.ts";
import type { TrainingRange } from "../../src/serving/trainingRanges.ts";
import { tempDir } from "../support/tempDir.ts";

const temp = tempDir("envelope-drift-");
let instance: DuckDBInstance;
beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
});
afterAll(() => {
  instance.closeSync();
  temp.remove();
});

const ranges: TrainingRange[] = [
  { field: "age", min: 18, max: 80 },
  { field: "monthly", min: 9.99, max: 49.5 },
  { field: "odd \"name\"", min: -1e21, max: 1e-7 },
  { field: "calm", min: 0, max: 100 },
];

/** rows as /predict would get them, and the same rows as a DuckDB table: integers BIGINT, numbers DOUBLE */
type Row = Record<string, number | null>;
function valuesSql(rows: readonly Row[]): string {
  const literal = (value: number | null, type: string) => (value === null ? `NULL::${type}` : Number.isNaN(value) ? "'NaN'::DOUBLE" : !Number.isFinite(value) ? `'${value > 0 ? "inf" : "-inf"}'::DOUBLE` : `${value}::${type}`);
  const tuples = rows.map((row) => `(${literal(row["age"]!, "BIGINT")}, ${literal(row["monthly"]!, "DOUBLE")}, ${literal(row["odd \"name\""]!, "DOUBLE")}, ${literal(row["calm"]!, "DOUBLE")})`);
  return `(SELECT * FROM (VALUES ${tuples.join(", ")}) t(age, monthly, "odd ""name""", calm))`;
}

test.each<[string, Row[]]>([
  // why, rows
  ["bounds are inside the range", [{ age: 18, monthly: 49.5, 'odd "name"': 1e-7, calm: 0 }, { age: 80, monthly: 9.99, 'odd "name"': -1e21, calm: 100 }]],
  ["below and above each bound", [{ age: 17, monthly: 50, 'odd "name"': 1, calm: 1 }, { age: 81, monthly: 9.98, 'odd "name"': -2e21, calm: 2 }]],
  ["nulls are not drift", [{ age: null, monthly: null, 'odd "name"': null, calm: null }, { age: 99, monthly: null, 'odd "name"': 0, calm: 3 }]],
  ["NaN is not drift, infinities are", [{ age: 1, monthly: Number.NaN, 'odd "name"': Number.POSITIVE_INFINITY, calm: 4 }, { age: 20, monthly: Number.NEGATIVE_INFINITY, 'odd "name"': Number.NaN, calm: 5 }]],
])("countInputDrift agrees with countDrift on the same rows: %s", async (_why, rows) => {
  const connection = await instance.connect();
  try {
    const expected = countDrift(rows, ranges);
    expect(await countInputDrift(connection, valuesSql(rows), ranges)).toEqual(expected);
  } finally {
    connection.closeSync();
  }
});

test("over a Parquet part of 10,000 rows, one query gives countDrift's counts", async () => {
  const connection = await instance.connect();
  try {
    const file = `${temp.dir}/part.parquet`;
    await connection.run(`COPY (SELECT (i % 100)::BIGINT AS age, CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 60)::DOUBLE END AS monthly, ((i - 5000) * 1e18)::DOUBLE AS "odd ""name""", 50::DOUBLE AS calm FROM range(10000) r(i)) TO '${file}' (FORMAT parquet)`);
    const rows = (await connection.runAndReadAll(`SELECT * FROM '${file}'`)).getRowObjectsJS().map((row) => ({ ...row, age: Number(row["age"]) }) as Row);
    const counts = await countInputDrift(connection, sourceOf({ file, format: "parquet" }), ranges);
    expect(counts).toEqual(countDrift(rows, ranges));
    expect(Object.keys(counts).sort()).toEqual(["age", "monthly", 'odd "name"']);
  } finally {
    connection.closeSync();
  }
});

test("no ranges, no query: {}", async () => {
  expect(await countInputDrift(undefined as never, "never read", [])).toEqual({});
});
