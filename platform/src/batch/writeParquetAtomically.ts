import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "./InputPart.ts";

/**
 * Writes what the DuckDB `query` selects to the Parquet file `target` through a hidden temporary name beside
 * it (`.NAME.partial-PID`), renamed into place only once complete: a run killed on the way leaves
 * no file that looks complete. The temporary file is removed when the copy fails.
 */
export async function writeParquetAtomically(connection: DuckDBConnection, query: string, target: string): Promise<void> {
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  try {
    await connection.run(`COPY (${query}) TO ${sqlString(partial)} (FORMAT parquet)`);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
