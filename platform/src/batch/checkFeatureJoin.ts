import type { DuckDBConnection } from "@duckdb/node-api";
import type { Field } from "../envelope/Envelope.ts";
import type { Problem } from "../errors/Problem.ts";
import { checkJoinColumns, type DescribedColumn } from "./checkJoinColumns.ts";
import { quoted, readerOf, type FeatureTable, type InputPart, type TableFile } from "./InputPart.ts";

/** What `checkFeatureJoin` found for one input part. */
export interface FeatureJoinCheck {
  problems: Problem[];
  /** whether the join can run and keeps one row per input row (no problem found) */
  joinable: boolean;
  /** the feature table's columns other than the keys */
  featureColumns: DescribedColumn[];
  /** the input's columns */
  inputColumns: DescribedColumn[];
  /** input rows with no features row; counted only when a non-nullable field of the model comes from the feature table, else 0 */
  unmatched: number;
}

/** how many example values a problem names */
const examples = 3;

async function describeColumns(connection: DuckDBConnection, table: TableFile): Promise<DescribedColumn[]> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${readerOf(table)}`);
  return described.getRowObjectsJS().map((row) => ({ name: String(row["column_name"]), type: String(row["column_type"]) }));
}

/** a key's values as a message shows them: `7`, `"c7"`, or `(7, "eu")` for several key columns */
function keyText(values: readonly unknown[]): string {
  const texts = values.map((value) => (typeof value === "string" ? JSON.stringify(value) : String(value)));
  return texts.length === 1 ? texts[0]! : `(${texts.join(", ")})`;
}

/** the feature table's duplicated keys: one problem naming how many and the first few with their row counts, or none */
async function duplicateKeys(connection: DuckDBConnection, features: FeatureTable): Promise<Problem[]> {
  const keys = features.on.map(quoted).join(", ");
  const sql = `SELECT ${keys}, count(*) AS __rows, count(*) OVER () AS __keys FROM ${readerOf(features)} GROUP BY ${keys} HAVING count(*) > 1 ORDER BY __rows DESC, ${keys} LIMIT ${examples}`;
  const rows = (await connection.runAndReadAll(sql)).getRowsJS();
  if (rows.length === 0) return [];
  const listed = rows.map((row) => `${keyText(row.slice(0, features.on.length))} on ${row[features.on.length]} rows`).join(", ");
  const count = Number(rows[0]![features.on.length + 1]);
  return [{ path: `${features.file}: column${features.on.length === 1 ? "" : "s"} ${features.on.join(", ")}`, expected: "each key on one row (a key on several rows would repeat its input rows)", got: `${count} key${count === 1 ? "" : "s"} on several rows: ${listed}${count > examples ? ", ..." : ""}` }];
}

/** the input's rows without a features row: how many, and the first few keys in input order */
async function unmatchedKeys(connection: DuckDBConnection, part: InputPart, features: FeatureTable): Promise<{ count: number; keys: string[] }> {
  const keys = features.on.map(quoted).join(", ");
  const numbered = `(SELECT *, row_number() OVER () AS __batch_row FROM ${readerOf(part)})`;
  const sql = `SELECT ${keys}, count(*) OVER () AS __count FROM ${numbered} __input ANTI JOIN ${readerOf(features)} __features USING (${keys}) ORDER BY __batch_row LIMIT ${examples}`;
  const rows = (await connection.runAndReadAll(sql)).getRowsJS();
  return { count: rows.length === 0 ? 0 : Number(rows[0]![features.on.length]), keys: rows.map((row) => keyText(row.slice(0, features.on.length))) };
}

interface FeatureTableFacts {
  columns: DescribedColumn[];
  duplicates: Problem[];
}

// a run reads its feature table for every part: what belongs to the table alone (its columns, its duplicate keys) is found once per connection, so once per run, and reported with the first part
const featureTables = new WeakMap<DuckDBConnection, Map<string, Promise<FeatureTableFacts>>>();

async function featureTable(connection: DuckDBConnection, features: FeatureTable): Promise<FeatureTableFacts & { first: boolean }> {
  const known = featureTables.get(connection) ?? new Map<string, Promise<FeatureTableFacts>>();
  featureTables.set(connection, known);
  const key = JSON.stringify([features.file, features.on]);
  const cached = known.get(key);
  if (cached) return { ...(await cached), first: false };
  const found = describeColumns(connection, features).then(async (columns) => {
    const names = new Set(columns.map((column) => column.name));
    return { columns, duplicates: features.on.every((name) => names.has(name)) ? await duplicateKeys(connection, features) : [] };
  });
  known.set(key, found);
  return { ...(await found), first: true };
}

/** whether `problem` is about the feature table alone, whatever the input: a key it lacks, or nothing besides its keys */
function aboutTableAlone(problem: Problem, features: FeatureTable): boolean {
  return problem.path === features.file || (problem.path.startsWith(`${features.file}: column `) && problem.got === "no such column");
}

/**
 * Checks joining `part.features` onto `part` before any row runs: the columns
 * (`checkJoinColumns`), keys on several rows of the feature table (named with their counts, once
 * per run), and, when a field of the model that the feature table holds is not nullable, the
 * input's ids with no features row (how many, and the first few in input order).
 */
export async function checkFeatureJoin(connection: DuckDBConnection, part: InputPart & { features: FeatureTable }, fields: readonly Field[]): Promise<FeatureJoinCheck> {
  const { features } = part;
  const inputColumns = await describeColumns(connection, part);
  const table = await featureTable(connection, features);
  const keys = new Set(features.on);
  const featureColumns = table.columns.filter((column) => !keys.has(column.name));
  const columnProblems = checkJoinColumns(part.file, inputColumns, features, table.columns);
  const joinable = columnProblems.length === 0 && table.duplicates.length === 0;
  // what is wrong with the feature table alone (a key it lacks, duplicate keys) is said with the first part only
  const problems = table.first ? [...columnProblems, ...table.duplicates] : columnProblems.filter((problem) => !aboutTableAlone(problem, features));
  const featureNames = new Set(featureColumns.map((column) => column.name));
  const wanted = fields.filter((field) => !field.nullable && featureNames.has(field.name)).map((field) => field.name);
  let unmatched = 0;
  if (joinable && wanted.length > 0) {
    const found = await unmatchedKeys(connection, part, features);
    unmatched = found.count;
    if (found.count > 0) {
      problems.push({ path: `${part.file}: column${features.on.length === 1 ? "" : "s"} ${features.on.join(", ")}`, expected: `a row in ${features.file} for every id (the model's ${wanted.join(", ")} ${wanted.length === 1 ? "is" : "are"} not nullable)`, got: `${found.count} id${found.count === 1 ? "" : "s"} without one: ${found.keys.join(", ")}${found.count > examples ? ", ..." : ""}` });
    }
  }
  return { problems, joinable, featureColumns, inputColumns, unmatched };
}
