import type { DuckDBConnection } from "@duckdb/node-api";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { createBatchS3Client, type S3Access } from "./createBatchS3Client.ts";
import { formatOf, type FeatureTable, type InputPart } from "./InputPart.ts";
import { listS3Objects } from "./listS3Objects.ts";

/** What else decides a run's parts besides its input globs. */
export interface InputListing {
  /** a feature table (a local file or one `s3://` object, `.parquet` or `.csv`) joined onto every part by the columns `on` */
  features?: { table: string; on: readonly string[] };
  /** how `s3://` inputs are listed */
  s3?: S3Access;
}

/** the feature table of `features`, checked to be one table of a known format with at least one key */
function featureTableOf(features: NonNullable<InputListing["features"]>): FeatureTable {
  const format = formatOf(features.table);
  if (!format) throw new EnvelopeError("ENVELOPE_CONFIG", `--features ${features.table}: expected a .parquet or .csv file`);
  const on = features.on.map((key) => key.trim()).filter((key) => key !== "");
  if (on.length === 0 || new Set(on).size !== on.length) throw new EnvelopeError("ENVELOPE_CONFIG", `--on ${features.on.join(",")}: expected the key column(s) to join ${features.table} by, comma-separated and each once, as in --on client_id`);
  return { file: features.table, format, on };
}

/**
 * The files the `inputs` globs match, sorted and without repeats: the parts of a batch run, in the
 * order every shard agrees on. Local globs are DuckDB's (`*` and `**` as in its readers); `s3://`
 * globs are listed from the bucket (`listS3Objects`) and keep their `s3://` names, read once
 * staged (`stageInputParts`). With `features`, every part carries the feature table.
 * ENVELOPE_CONFIG when a glob matches nothing or a file is neither `.parquet` nor `.csv`.
 */
export async function listInputParts(connection: DuckDBConnection, inputs: readonly string[], listing: InputListing = {}): Promise<InputPart[]> {
  let features = listing.features ? featureTableOf(listing.features) : undefined;
  const files = new Set<string>();
  const s3 = [...inputs, features?.file ?? ""].some((input) => input.startsWith("s3://")) ? createBatchS3Client(listing.s3) : undefined;
  try {
    if (features) {
      const found = s3 && features.file.startsWith("s3://") ? await listS3Objects(s3, features.file, "--features") : (await connection.runAndReadAll("SELECT file FROM glob($1)", [features.file])).getRowsJS().map((row) => String(row[0]));
      if (found.length !== 1) throw new EnvelopeError("ENVELOPE_CONFIG", `--features ${features.file}: ${found.length === 0 ? "no such file" : `${found.length} files match`}; expected one .parquet or .csv file`);
      // a glob that names one file stands for that file
      features = { ...features, file: found[0]! };
    }
    for (const input of inputs) {
      const matched = s3 && input.startsWith("s3://") ? await listS3Objects(s3, input, "--input") : (await connection.runAndReadAll("SELECT file FROM glob($1)", [input])).getRowObjectsJS().map((row) => String(row["file"]));
      if (matched.length === 0) throw new EnvelopeError("ENVELOPE_CONFIG", `--input ${input}: no file matches; expected a path or glob of .parquet or .csv files`);
      for (const file of matched) files.add(file);
    }
  } finally {
    s3?.destroy();
  }
  return [...files].sort().map((file) => {
    const format = formatOf(file);
    if (!format) throw new EnvelopeError("ENVELOPE_CONFIG", `${file}: cannot read a ${file.slice(file.lastIndexOf(".")).toLowerCase()} file; expected .parquet or .csv`);
    return { file, format, ...(features ? { features } : {}) };
  });
}
