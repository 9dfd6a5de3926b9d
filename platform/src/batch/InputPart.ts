/** A table file of a batch run, and how DuckDB reads it. */
export interface TableFile {
  /** the name as given or matched, e.g. `data/clients-0.parquet` or `s3://bucket/clients-0.parquet`: every message and output name uses it */
  file: string;
  /** where the file is read from when that is not `file`: the downloaded copy of an `s3://` object */
  local?: string;
  format: "parquet" | "csv";
}

/** A feature table joined onto each input part by its key columns (`--features TABLE --on KEY`). */
export interface FeatureTable extends TableFile {
  /** the key columns, present in both the input and the feature table */
  on: readonly string[];
}

/** One input file of a batch run; with `features`, its rows are the input's rows with their features joined. */
export interface InputPart extends TableFile {
  features?: FeatureTable;
  /** the part already joined with its features, in its order (`joinFeatureParts`): what `sourceOf` reads then */
  joined?: string;
}

/** A column of an input part as DuckDB describes it, with how many of its values are null. */
export interface InputColumn {
  name: string;
  /** DuckDB's type, e.g. `DOUBLE`, `BIGINT`, `VARCHAR`, `DECIMAL(10,2)` */
  type: string;
  nulls: number;
}

const formats: Record<string, TableFile["format"]> = { ".parquet": "parquet", ".csv": "csv" };

/** The format a file's name says (`.parquet` or `.csv`, any case), or undefined. Pure. */
export function formatOf(file: string): TableFile["format"] | undefined {
  return formats[file.slice(file.lastIndexOf(".")).toLowerCase()];
}

/** `text` as a SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The SQL table function that reads one table file as it is, e.g. `read_parquet('a.parquet')`. */
export function readerOf(table: TableFile): string {
  const path = sqlString(table.local ?? table.file);
  return table.format === "parquet" ? `read_parquet(${path})` : `read_csv(${path})`;
}

/**
 * The SQL source of `part`'s rows: its file, or with `features` the input LEFT JOIN the feature
 * table USING the keys, in the input's row order (each row numbered as read, the join ordered by
 * that number), so every input row appears once when the feature table holds each key once
 * (which `checkFeatureJoin` makes sure of before any row runs). The input's columns come first.
 * A part joined ahead (`joined`) is read from that file.
 */
export function sourceOf(part: InputPart): string {
  if (part.joined !== undefined) return `read_parquet(${sqlString(part.joined)})`;
  if (!part.features) return readerOf(part);
  const keys = part.features.on.map(quoted).join(", ");
  const numbered = `(SELECT *, row_number() OVER () AS __batch_row FROM ${readerOf(part)})`;
  return `(SELECT __input.* EXCLUDE (__batch_row), __features.* EXCLUDE (${keys}) FROM ${numbered} __input LEFT JOIN ${readerOf(part.features)} __features USING (${keys}) ORDER BY __input.__batch_row)`;
}

/** `part` read on its own, without its feature table. */
export function withoutFeatures(part: InputPart): InputPart {
  return { file: part.file, format: part.format, ...(part.local === undefined ? {} : { local: part.local }) };
}

/** `name` quoted as a DuckDB identifier. */
export function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
