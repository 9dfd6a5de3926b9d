import { DuckDBInstance } from "@duckdb/node-api";

/** Runs SQL in a fresh in-memory DuckDB and returns its rows as JS values: how batch tests write their Parquet and CSV inputs and read outputs. */
export async function duckdbSql(text: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(text)).getRowObjectsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
