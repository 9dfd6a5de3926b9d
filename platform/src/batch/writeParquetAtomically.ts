import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { quoted } from "./InputPart.ts";

/**
 * Copies DuckDB table `table` to the Parquet file `target` through a hidden temporary name beside
 * it (`.NAME.partial-PID`), renamed into place only once complete: a run killed on the way leaves
 * no file that looks complete. The temporary file is removed when the copy fails.
 */
export async function writeParquetAtomically(connection: DuckDBConnection, table: string, target: string): Promise<void> {
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  try {
    await connection.run(`COPY ${quoted(table)} TO '${partial.replaceAll("'", "''")}' (FORMAT parquet)`);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
