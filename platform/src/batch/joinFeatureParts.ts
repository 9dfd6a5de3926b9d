import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { checkFeatureJoin } from "./checkFeatureJoin.ts";
import { sourceOf, sqlString, type InputPart } from "./InputPart.ts";

/** DuckDB's memory for the joins: a 5,000,000-row join stayed within it at the same speed as without a limit (BENCHMARKS.md) */
export const joinMemoryLimit = "256MB";

/**
 * Joins each part that has a feature table once, writing the joined rows (in the input's order)
 * to `folder/joined-<n>.parquet`, and returns the parts with `joined` set to it: every later read
 * of the part (the schema check's counts, the drift counts, the run) reads that file instead of
 * joining again, each join building a hash table of the whole feature table. A part whose join
 * `checkFeatureJoin` finds wrong (a key missing or of another type, keys on several rows, which
 * could multiply rows without bound) is left unjoined: the schema check reports it and nothing runs.
 */
export async function joinFeatureParts(parts: readonly InputPart[], folder: string): Promise<InputPart[]> {
  if (!parts.some((part) => part.features)) return [...parts];
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    // the join's hash table and its sort back to input order spill to the run's folder past this, so a large part costs disk, not memory
    await connection.run(`SET memory_limit = '${joinMemoryLimit}'`);
    await connection.run(`SET temp_directory = ${sqlString(join(folder, "spill"))}`);
    const joined: InputPart[] = [];
    for (const [index, part] of parts.entries()) {
      if (!part.features || !(await checkFeatureJoin(connection, { ...part, features: part.features }, [])).joinable) {
        joined.push(part);
        continue;
      }
      const file = join(folder, `joined-${index}.parquet`);
      await connection.run(`COPY (SELECT * FROM ${sourceOf(part)}) TO ${sqlString(file)} (FORMAT parquet)`);
      joined.push({ ...part, joined: file });
    }
    return joined;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
