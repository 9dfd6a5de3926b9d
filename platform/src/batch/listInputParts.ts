import type { DuckDBConnection } from "@duckdb/node-api";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { InputPart } from "./InputPart.ts";

const formats: Record<string, InputPart["format"]> = { ".parquet": "parquet", ".csv": "csv" };

/**
 * The files the `inputs` globs match (DuckDB's `glob`, so `*` and `**` work as in its readers),
 * sorted and without repeats: the parts of a batch run, in the order every shard agrees on.
 * ENVELOPE_CONFIG when a glob matches nothing or a file is neither `.parquet` nor `.csv`.
 */
export async function listInputParts(connection: DuckDBConnection, inputs: readonly string[]): Promise<InputPart[]> {
  const files = new Set<string>();
  for (const input of inputs) {
    if (input.startsWith("s3://")) throw new EnvelopeError("ENVELOPE_CONFIG", `--input ${input}: s3:// inputs are not supported yet; expected a local path or glob`);
    const reader = await connection.runAndReadAll("SELECT file FROM glob($1)", [input]);
    const matched = reader.getRowObjectsJS().map((row) => String(row["file"]));
    if (matched.length === 0) throw new EnvelopeError("ENVELOPE_CONFIG", `--input ${input}: no file matches; expected a path or glob of .parquet or .csv files`);
    for (const file of matched) files.add(file);
  }
  return [...files].sort().map((file) => {
    const extension = file.slice(file.lastIndexOf(".")).toLowerCase();
    const format = formats[extension];
    if (!format) throw new EnvelopeError("ENVELOPE_CONFIG", `${file}: cannot read a ${extension} file; expected .parquet or .csv`);
    return { file, format };
  });
}
