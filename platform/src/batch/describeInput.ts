import type { DuckDBConnection } from "@duckdb/node-api";
import type { Field } from "../envelope/Envelope.ts";
import { quoted, sourceOf, type InputColumn, type InputPart } from "./InputPart.ts";

/**
 * The rows of `part` and its columns (DuckDB's DESCRIBE) with, for each column a non-nullable
 * field of `fields` reads, how many nulls it holds; every other column's count is 0, uncounted.
 * Parquet marks nearly every column nullable, so the values are counted, not the declaration read.
 */
export async function describeInput(connection: DuckDBConnection, part: InputPart, fields: readonly Field[]): Promise<{ rows: number; columns: InputColumn[] }> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${sourceOf(part)}`);
  const columns = described.getRowObjectsJS().map((row) => ({ name: String(row["column_name"]), type: String(row["column_type"]), nulls: 0 }));
  const names = new Set(columns.map((column) => column.name));
  const counted = fields.filter((field) => !field.nullable && names.has(field.name)).map((field) => field.name);
  const sql = `SELECT ${["count(*)", ...counted.map((name) => `count(*) - count(${quoted(name)})`)].join(", ")} FROM ${sourceOf(part)}`;
  const [counts] = (await connection.runAndReadAll(sql)).getRowsJS();
  counted.forEach((name, index) => (columns.find((column) => column.name === name)!.nulls = Number(counts![index + 1])));
  return { rows: Number(counts![0]), columns };
}
