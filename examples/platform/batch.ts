import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { batchPredict, EnvelopeError, loadServable, parseModelRef, Registry } from "@envelope/platform";

/** saves churn-score with its code, as on the serving page; the examples below run its latest version */
export async function saveScoringModel() {
  await Registry.fromEnv().save({
    name: "churn-score",
    artifact: { weights: { tenure: -0.08, monthly: 0.03, basic: 0.6 }, bias: -0.5 },
    inputs: [
      { tenure: 2, monthly: 89.9, plan: "basic" },
      { tenure: 60, monthly: 15, plan: "pro" },
    ],
    outputs: [{ churn: true, probability: 0.9 }],
    code: fileURLToPath(new URL("./models/churnScore.ts", import.meta.url)),
  });
}

/**
 * `batchPredict` runs a saved model over Parquet or CSV files and writes one Parquet file per
 * input: the id columns kept, the model's outputs, `model` and `version`.
 * @example batch.run
 * @timeout 30000
 * @expect
 * clients.parquet: 1000 rows -> out/clients.parquet
 * {"client_id":"0","churn":true,"probability":0.634,"model":"churn-score","version":{...}}
 * {"client_id":"1","churn":false,"probability":0.445,"model":"churn-score","version":{...}}
 */
export async function runBatch() {
  await saveScoringModel(); // hide
  const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
  const duckdb = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    // a table of 1,000 clients, made with DuckDB
    await duckdb.run(`COPY (SELECT i AS client_id, (i * 7) % 72 AS tenure, 15 + (i * 13) % 80 AS monthly, CASE WHEN i % 3 = 0 THEN 'basic' ELSE 'pro' END AS plan FROM range(1000) t(i)) TO '${dir}/clients.parquet' (FORMAT parquet)`);
    const model = await loadServable(Registry.fromEnv(), parseModelRef("churn-score@latest"));
    const result = await batchPredict({ model, inputs: [`${dir}/*.parquet`], outputDir: `${dir}/out` });
    for (const part of result.parts) console.log(`${path.relative(dir, part.input)}: ${part.rows} rows -> ${path.relative(dir, part.output)}`);
    const written = await duckdb.runAndReadAll(`SELECT * FROM '${dir}/out/clients.parquet' LIMIT 2`);
    for (const row of written.getRowObjectsJS()) console.log(JSON.stringify(row, (_, value) => (typeof value === "bigint" ? String(value) : value)));
  } finally {
    duckdb.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Before any row runs, every input's schema is checked against the model's shape: each missing
 * column, wrong type or column with nulls where the model wants values is listed with its file
 * and column, and nothing is written.
 * @example batch.schema
 * @timeout 30000
 * @expect
 * ENVELOPE_INVALID: 3 problems in the inputs' schema against churn-score@{...}'s shape; nothing was run
 *   - old.csv: column tenure: expected an integer column (BIGINT, INTEGER, ...), got DOUBLE
 *   - old.csv: column monthly: expected a value in every row (the model's monthly is not nullable), got 1 null
 *   - old.csv: column plan: expected a VARCHAR column for the model's input plan, got no such column
 */
export async function refuseBadTable() {
  await saveScoringModel(); // hide
  const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
  const duckdb = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    await duckdb.run(`COPY (SELECT 1 AS client_id, 2.5 AS tenure, NULL::DOUBLE AS monthly UNION ALL SELECT 2, 3.5, 20.0) TO '${dir}/old.csv' (HEADER)`);
    const model = await loadServable(Registry.fromEnv(), parseModelRef("churn-score"));
    await batchPredict({ model, inputs: [`${dir}/old.csv`], outputDir: `${dir}/out` });
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    console.log(`${error.code}: ${error.message.replaceAll(`${dir}/`, "")}`);
  } finally {
    duckdb.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * With `skipErrors` (`--skip-errors`), a chunk that fails is set aside instead of failing the
 * run: its rows, as they were read, go to `errors/` in the output folder with the error, and
 * every other row is written. `onProgress` is told after each chunk.
 * @example batch.skip-errors
 * @timeout 30000
 * @expect
 * progress: 1000 of 1000 rows, part 1 of 1
 * clients.parquet: 900 rows written, 100 skipped -> out/errors/clients.parquet
 * rows in errors/clients.parquet: 100, the first 400
 * clients.parquet rows 400 to 499: rows the model cannot take
 *   - clients.parquet row 437 column monthly: expected a number, got NaN
 */
export async function skipFailedChunks() {
  await saveScoringModel(); // hide
  const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
  const duckdb = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    // client 437's monthly spend is NaN: a value no model input takes
    await duckdb.run(`COPY (SELECT i AS client_id, (i * 7) % 72 AS tenure, CASE WHEN i = 437 THEN 'NaN'::DOUBLE ELSE 15 + (i * 13) % 80 END AS monthly, 'pro' AS plan FROM range(1000) t(i)) TO '${dir}/clients.parquet' (FORMAT parquet)`);
    const model = await loadServable(Registry.fromEnv(), parseModelRef("churn-score"));
    let last = "";
    const result = await batchPredict({ model, inputs: [`${dir}/clients.parquet`], outputDir: `${dir}/out`, chunkRows: 100, skipErrors: true, onProgress: (progress) => (last = `${progress.rowsDone} of ${progress.rowsTotal} rows, part ${progress.part} of ${progress.parts}`) });
    console.log(`progress: ${last}`);
    for (const part of result.parts) console.log(`${path.relative(dir, part.input)}: ${part.rows} rows written, ${part.skipped} skipped -> ${path.relative(dir, part.errors ?? "")}`);
    const errors = (await duckdb.runAndReadAll(`SELECT count(*)::INTEGER AS n, min(client_id)::INTEGER AS first, any_value(error) AS error FROM '${dir}/out/errors/clients.parquet'`)).getRowObjectsJS()[0]!;
    console.log(`rows in errors/clients.parquet: ${errors["n"]}, the first ${errors["first"]}`);
    console.log(String(errors["error"]).replaceAll(`${dir}/`, ""));
  } finally {
    duckdb.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
