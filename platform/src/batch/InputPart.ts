/** One input file of a batch run, and how DuckDB reads it. */
export interface InputPart {
  /** the path as matched, e.g. `data/clients-0.parquet` */
  file: string;
  format: "parquet" | "csv";
}

/** A column of an input part as DuckDB describes it, with how many of its values are null. */
export interface InputColumn {
  name: string;
  /** DuckDB's type, e.g. `DOUBLE`, `BIGINT`, `VARCHAR`, `DECIMAL(10,2)` */
  type: string;
  nulls: number;
}

/** `text` as a SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The SQL table function that reads `part`, e.g. `read_parquet('a.parquet')`. */
export function sourceOf(part: InputPart): string {
  return part.format === "parquet" ? `read_parquet(${sqlString(part.file)})` : `read_csv(${sqlString(part.file)})`;
}

/** `name` quoted as a DuckDB identifier. */
export function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
