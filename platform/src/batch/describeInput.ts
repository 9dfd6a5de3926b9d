import type { DuckDBConnection } from "@duckdb/node-api";
import type { Field } from "../envelope/Envelope.ts";
import type { Problem } from "../errors/Problem.ts";
import { checkFeatureJoin } from "./checkFeatureJoin.ts";
import { quoted, sourceOf, withoutFeatures, type InputColumn, type InputPart } from "./InputPart.ts";

/**
 * The rows of `part` and its columns (DuckDB's DESCRIBE) with, for each column a non-nullable
 * field of `fields` reads, how many nulls it holds; every other column's count is 0, uncounted.
 * Parquet marks nearly every column nullable, so the values are counted, not the declaration read.
 * With a feature table, the columns are the joined table's and `problems` lists what stops the
 * join (`checkFeatureJoin`); a feature column's nulls are those of the rows that found their
 * features, as ids without features are a problem of their own. A join that cannot run is
 * described from the input alone, with the feature table's columns added uncounted.
 */
export async function describeInput(connection: DuckDBConnection, part: InputPart, fields: readonly Field[]): Promise<{ rows: number; columns: InputColumn[]; problems: Problem[] }> {
  const join = part.features ? await checkFeatureJoin(connection, { ...part, features: part.features }, fields) : undefined;
  const source = join && !join.joinable ? withoutFeatures(part) : part;
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${sourceOf(source)}`);
  const columns = described.getRowObjectsJS().map((row) => ({ name: String(row["column_name"]), type: String(row["column_type"]), nulls: 0 }));
  const names = new Set(columns.map((column) => column.name));
  if (join && !join.joinable) columns.push(...join.featureColumns.filter((column) => !names.has(column.name)).map((column) => ({ ...column, nulls: 0 })));
  const counted = fields.filter((field) => !field.nullable && names.has(field.name)).map((field) => field.name);
  const sql = `SELECT ${["count(*)", ...counted.map((name) => `count(*) - count(${quoted(name)})`)].join(", ")} FROM ${sourceOf(source)}`;
  const [counts] = (await connection.runAndReadAll(sql)).getRowsJS();
  const fromFeatures = new Set(join?.joinable ? join.featureColumns.map((column) => column.name) : []);
  counted.forEach((name, index) => (columns.find((column) => column.name === name)!.nulls = Number(counts![index + 1]) - (fromFeatures.has(name) ? join!.unmatched : 0)));
  return { rows: Number(counts![0]), columns, problems: join?.problems ?? [] };
}
