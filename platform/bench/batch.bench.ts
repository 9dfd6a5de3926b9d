/**
 * `npm run bench:batch`: batch predictions of the churn model (churnModel.ts) over Parquet, on
 * this machine. For each size (BENCH_BATCH_ROWS, default `1000000,10000000`), four Parquet parts
 * written by DuckDB, then one cold process running `batchPredict` over them (batchRun.ts): rows/s
 * end to end (read, predict in serve's worker process, write) and peak RSS of that process and,
 * through GNU time, of the largest process of its tree (a model worker included). Then two
 * shards of the first size, whose outputs together must equal the unsharded output row for row,
 * and 10,000 rows through `/predict` against the batch's predictions of the same rows.
 * Prints a table and writes `.bench/batch.json`. Targets (issue 16): >= 1,000,000 rows/s, peak
 * <= 600 MB and flat as rows grow.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { serve } from "../src/serving/serve.ts";
import { churnModel, churnRowsSql } from "./churnModel.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const sizes = (process.env["BENCH_BATCH_ROWS"] ?? "1000000,10000000").split(",").map(Number);
const dir = mkdtempSync(join(tmpdir(), "envelope-bench-batch-"));
const duck = await (await DuckDBInstance.create(":memory:")).connect();
const sql = async (text: string) => (await duck.runAndReadAll(text)).getRowObjectsJS();
const load = () => loadavg().map((value) => value.toFixed(2)).join(", ");
console.log(`batch predictions of the churn model; load average ${load()}; work folder ${dir}`);

function runBatch(output: string, shard: string, inputs: string[]) {
  const result = spawnSync("/usr/bin/time", ["-f", "TIME_MAX_KB %M CPU %U %S", process.execPath, "--import", "tsx", join(repo, "platform/bench/batchRun.ts"), output, shard, ...inputs], { cwd: repo, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`batch run failed (exit ${result.status}): ${result.stdout}${result.stderr.slice(-3000)}`);
  const line = JSON.parse(result.stdout.trim().split("\n").pop()!) as { rows: number; seconds: number; peakMiB: number };
  const [, treeKb, user, system] = /TIME_MAX_KB (\d+) CPU ([\d.]+) ([\d.]+)/.exec(result.stderr) ?? [];
  // user + system time of the batch process and of the model workers it waited for
  return { ...line, largestProcessMiB: Math.round(Number(treeKb) / 1024), cpuSeconds: Number(user) + Number(system) };
}

const rows: Array<Record<string, unknown>> = [];
const partsOf = new Map<number, string[]>();
for (const size of sizes) {
  const inputs = [0, 1, 2, 3].map((part) => join(dir, `in-${size}`, `part-${part}.parquet`));
  mkdirSync(join(dir, `in-${size}`), { recursive: true });
  const quarter = Math.ceil(size / 4);
  for (const [part, file] of inputs.entries()) await sql(`COPY (${churnRowsSql(Math.min(quarter, size - part * quarter), part * quarter)}) TO '${file}' (FORMAT parquet)`);
  partsOf.set(size, inputs);
  const run = runBatch(join(dir, `out-${size}`), "-", inputs);
  // the peer in the same run: DuckDB alone reading the parts, computing the same score in SQL and writing Parquet
  const peerStarted = performance.now();
  await sql(`COPY (SELECT client_id, 1 / (1 + exp(-(-0.5 - 0.04 * tenure_months + 0.012 * monthly_spend + 0.35 * coalesce(support_calls, 0) + CASE plan WHEN 'basic' THEN 0.4 WHEN 'pro' THEN -0.2 ELSE 0 END))) AS churn FROM read_parquet([${inputs.map((file) => `'${file}'`).join(", ")}])) TO '${join(dir, `peer-${size}.parquet`)}' (FORMAT parquet)`);
  const peerSeconds = (performance.now() - peerStarted) / 1000;
  rows.push({ size, ...run, rowsPerSecond: Math.round(run.rows / run.seconds), rowsPerCpuSecond: Math.round(run.rows / run.cpuSeconds), peerSeconds });
  console.log(`${String(size).padStart(10)} rows: ${run.seconds.toFixed(2)} s, ${Math.round(run.rows / run.seconds).toLocaleString("en")} rows/s (target >= 1,000,000), ${run.cpuSeconds.toFixed(2)} CPU-s (${Math.round(run.rows / run.cpuSeconds).toLocaleString("en")} rows per CPU-s); peak RSS ${run.peakMiB} MiB, largest process ${run.largestProcessMiB} MiB (target <= 600 MB); DuckDB SQL alone ${peerSeconds.toFixed(2)} s (${(run.seconds / peerSeconds).toFixed(1)}x)`);
}

// two shards of the first size: together, the unsharded output row for row
const first = sizes[0]!;
for (const index of [0, 1]) runBatch(join(dir, "sharded"), `${index}/2`, partsOf.get(first)!);
const digest = async (glob: string) => (await sql(`SELECT count(*)::BIGINT AS n, sum(hash(client_id, churn, model, version))::HUGEINT AS h FROM read_parquet('${glob}')`))[0]!;
const whole = await digest(join(dir, `out-${first}`, "*.parquet"));
const sharded = await digest(join(dir, "sharded", "*.parquet"));
const shardsEqual = String(whole["n"]) === String(sharded["n"]) && String(whole["h"]) === String(sharded["h"]);
console.log(`2 shards: ${sharded["n"]} rows, equal to the unsharded output row for row: ${shardsEqual}`);

// 10,000 rows through /predict against the batch's answers for them
const sample = await sql(`SELECT client_id, tenure_months, monthly_spend, support_calls, plan FROM read_parquet('${partsOf.get(first)![0]}') ORDER BY client_id LIMIT 10000`);
const batchAnswers = await sql(`SELECT churn FROM read_parquet('${join(dir, `out-${first}`, "part-0.parquet")}') ORDER BY client_id LIMIT 10000`);
const service = await serve(churnModel.envelope, { state: churnModel.state });
const response = await fetch(`${service.url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rows: sample.map(({ client_id: _, ...row }) => row) }) });
const online = (await response.json()) as { predictions: Array<{ churn: number }> };
await service.close();
const identical = online.predictions.length === 10_000 && online.predictions.every((prediction, index) => prediction.churn === batchAnswers[index]!["churn"]);
console.log(`batch against /predict on 10,000 rows: identical ${identical}`);

mkdirSync(join(repo, ".bench"), { recursive: true });
writeFileSync(join(repo, ".bench", "batch.json"), `${JSON.stringify({ date: new Date().toISOString(), load: load(), rows, shardsEqual, identical }, null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });
console.log(`load average after ${load()}`);
if (!shardsEqual || !identical) process.exitCode = 1;
