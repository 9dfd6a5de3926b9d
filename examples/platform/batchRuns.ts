import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { saveScoringModel } from "./batch.ts";

/**
 * Every `envelope batch` run is recorded in the registry, whether it succeeds or fails, and
 * `envelope runs MODEL` lists a model's runs, newest first. A failed run also posts an alert to
 * ENVELOPE_ALERT_WEBHOOK with its cause, and the command exits as the failure does.
 * @example batch.runs
 * @timeout 120000
 * @expect
 * first run: exit 0; second run: exit 2
 * when{...}version  status                     in   out  skipped{...}duration  who  output{...}drift
 * {...}  failed ENVELOPE_INVALID     0     0        0{...}ada  $DIR/out  -
 * {...}  succeeded                1000  1000        0{...}ada  $DIR/out  monthly 62, tenure 181
 * alert: batch failed for ada (churn) on churn-score@{...}: ENVELOPE_INVALID (422)
 */
export async function recordRuns() {
  await saveScoringModel(); // hide
  const dir = mkdtempSync(path.join(tmpdir(), "runs-"));
  const webhook = `${process.env["ENVELOPE_WEBHOOKS"]}/batch-runs`;
  const run = promisify(execFile);
  const envelope = (...args: string[]) => run("npx", ["envelope", ...args], { env: { ...process.env, ENVELOPE_ALERT_WEBHOOK: webhook } });
  const exitOf = (command: Promise<unknown>) => command.then(() => 0, (error: { code: number }) => error.code);
  const duckdb = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    // 1,000 clients (some with a tenure or a monthly fee outside what the model was trained on), and a table without the plan column
    await duckdb.run(`COPY (SELECT i AS client_id, (i * 7) % 72 AS tenure, 15 + (i * 13) % 80 AS monthly, 'pro' AS plan FROM range(1000) t(i)) TO '${dir}/clients.parquet' (FORMAT parquet)`);
    await duckdb.run(`COPY (SELECT 1 AS client_id, 2 AS tenure, 20.5 AS monthly) TO '${dir}/old.csv' (HEADER)`);
    const first = await exitOf(envelope("batch", "churn-score", "--input", `${dir}/clients.parquet`, "--output", `${dir}/out`));
    const second = await exitOf(envelope("batch", "churn-score", "--input", `${dir}/old.csv`, "--output", `${dir}/out`));
    console.log(`first run: exit ${first}; second run: exit ${second}`);

    console.log((await envelope("runs", "churn-score")).stdout.trimEnd().replaceAll(dir, "$DIR"));
    const [alert] = (await (await fetch(webhook)).json()) as Array<{ text: string }>;
    console.log(`alert: ${alert!.text}`);
  } finally {
    duckdb.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
