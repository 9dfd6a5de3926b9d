import { existsSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, expect, test } from "vitest";
import { predictPart } from "../../src/batch/predictPart.ts";
import { rowsFromColumns, type ColumnBatch } from "../../src/serving/columnar.mjs";
import { duckdbSql as sql } from "../support/duckdbSql.ts";
import { servableEnvelope } from "../support/servableEnvelope.ts";
import { tempDir } from "../support/tempDir.ts";

const temp = tempDir("envelope-part-");
afterAll(() => temp.remove());

test("a part whose stream ends short of the rows counted before the run fails, and nothing is written", async () => {
  const file = join(temp.dir, "ten.parquet");
  await sql(`COPY (SELECT i AS id, i::DOUBLE AS x, 'pro' AS plan, 1 AS visits FROM range(10) r(i)) TO '${file}' (FORMAT parquet)`);
  const instance = await DuckDBInstance.create(":memory:");
  const [connection, writer] = [await instance.connect(), await instance.connect()];
  const { shape } = servableEnvelope().function;
  const context = { connection, writer, pool: { predictColumns: async (batch: ColumnBatch) => ({ outputs: rowsFromColumns(batch).map(() => ({ y: 1 })) }) }, model: { name: "linear", version: 3, ...shape }, label: "linear@3", chunkRows: 4, inFlight: 1 };
  try {
    await expect(predictPart(context, { part: { file, format: "parquet" }, ids: ["id"], rows: 11, output: join(temp.dir, "ten.out.parquet") })).rejects.toThrow(
      new RegExp(`^${file}: read 10 rows of 11; the input changed during the run or its reading stopped early$`),
    );
    expect(existsSync(join(temp.dir, "ten.out.parquet"))).toBe(false);
    expect(await predictPart(context, { part: { file, format: "parquet" }, ids: ["id"], rows: 10, output: join(temp.dir, "ten.out.parquet") })).toEqual({ rows: 10, skipped: 0 });
  } finally {
    writer.closeSync();
    connection.closeSync();
    instance.closeSync();
  }
});
