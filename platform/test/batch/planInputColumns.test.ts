import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, expect, test } from "vitest";
import { collectColumns } from "../../src/batch/collectColumns.ts";
import { readerOf } from "../../src/batch/InputPart.ts";
import { maxDictionary, planInputColumns } from "../../src/batch/planInputColumns.ts";
import type { Field } from "../../src/envelope/Envelope.ts";
import { rowsFromColumns } from "../../src/serving/columnar.mjs";
import { duckdbSql as sql } from "../support/duckdbSql.ts";
import { tempDir } from "../support/tempDir.ts";

const temp = tempDir("envelope-plan-");
afterAll(() => temp.remove());

const fields: Field[] = [
  { name: "small", type: "integer", nullable: false },
  { name: "big", type: "integer", nullable: true },
  { name: "ratio", type: "number", nullable: false },
  { name: "plan", type: "string", nullable: true },
  { name: "name", type: "string", nullable: false },
  { name: "active", type: "boolean", nullable: true },
];

test("each field is read the cheapest way that keeps its values, and the rows it gives are the table's rows", async () => {
  const rows = maxDictionary + 905;
  const file = join(temp.dir, "table.parquet");
  await sql(`COPY (SELECT i::INTEGER AS small, CASE WHEN i % 7 = 0 THEN NULL ELSE i * 10000000000 END AS big, i / 4 AS ratio,
    CASE WHEN i % 5 = 0 THEN NULL WHEN i % 2 = 0 THEN 'pro' ELSE 'basic' END AS plan, 'client ' || i AS name,
    CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END AS active FROM range(${rows}) r(i)) TO '${file}' (FORMAT parquet)`);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const source = readerOf({ file, format: "parquet" });
    const { selects, plans } = await planInputColumns(connection, source, fields);
    expect(plans.map((plan) => [plan.field.name, plan.kind, plan.nullFlag !== undefined])).toEqual([
      ["small", "i32", false],
      ["big", "f64", true],
      ["ratio", "f64", false],
      ["plan", "dict", true],
      ["name", "str", false],
      ["active", "bool", true],
    ]);
    expect(plans[3]!.dict).toEqual(["basic", "pro"]);
    const collector = collectColumns(plans, 1000);
    const stream = await connection.stream(`SELECT ${selects.join(", ")} FROM ${source}`);
    const read: Record<string, unknown>[] = [];
    for (let chunk = await stream.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await stream.fetchChunk()) for (const { batch } of collector.add(chunk)) read.push(...rowsFromColumns(batch));
    read.push(...rowsFromColumns(collector.rest()!.batch));
    const expected = await sql(`SELECT small, big::DOUBLE AS big, ratio, plan, name, active FROM read_parquet('${file}')`);
    expect(read).toHaveLength(rows);
    expect(read).toEqual(expected.map((row) => ({ ...row, small: Number(row["small"]) })));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});
