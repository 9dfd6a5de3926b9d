/**
 * `npm run bench:batch-extras`: what a feature join and s3:// inputs cost a batch run, each as a
 * ratio to the same rows read locally with every column in place, measured in the same process,
 * runs interleaved (plain, join, s3; ROUNDS times, default 2; the best of each kept). BENCH_ROWS
 * (default 1,000,000) churn-model rows in two Parquet parts. `join`: parts of ids and plan only,
 * the other inputs joined from one feature table of all the ids (in reverse id order, so the join
 * is not a merge of sorted runs). `s3`: the plain parts on s3rver on loopback (its own work shares
 * the machine's cores while it serves the downloads). Each output is checked equal to the plain
 * one row for row. Prints a table and writes `.bench/batch-extras.json`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { DuckDBInstance } from "@duckdb/node-api";
import { startS3rver } from "../../tooling/test/publish/helpers/startS3rver.ts";
import { batchPredict, type BatchOptions } from "../src/batch/batchPredict.ts";
import { createBatchS3Client } from "../src/batch/createBatchS3Client.ts";
import { churnModel, churnRowsSql } from "./churnModel.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const size = Number(process.env["BENCH_ROWS"] ?? 1_000_000);
const rounds = Number(process.env["ROUNDS"] ?? 2);
const dir = mkdtempSync(join(tmpdir(), "envelope-bench-batch-extras-"));
const duck = await (await DuckDBInstance.create(":memory:")).connect();
const sql = async (text: string) => (await duck.runAndReadAll(text)).getRowObjectsJS();
const load = () => loadavg().map((value) => value.toFixed(2)).join(", ");
console.log(`batch extras over ${size.toLocaleString("en")} rows in 2 parts, ${rounds} rounds; load average ${load()}`);

mkdirSync(join(dir, "plain"));
mkdirSync(join(dir, "ids"));
const half = Math.ceil(size / 2);
for (const part of [0, 1]) {
  const rows = churnRowsSql(Math.min(half, size - part * half), part * half);
  await sql(`COPY (${rows}) TO '${join(dir, "plain", `part-${part}.parquet`)}' (FORMAT parquet)`);
  await sql(`COPY (SELECT client_id, plan FROM (${rows})) TO '${join(dir, "ids", `part-${part}.parquet`)}' (FORMAT parquet)`);
}
await sql(`COPY (SELECT client_id, tenure_months, monthly_spend, support_calls FROM (${churnRowsSql(size)}) ORDER BY client_id DESC) TO '${join(dir, "features.parquet")}' (FORMAT parquet)`);

const s3 = await startS3rver(["bench"]);
const access = { endpoint: s3.endpoint, env: { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" } };
const client = createBatchS3Client(access);
for (const part of [0, 1]) await client.send(new PutObjectCommand({ Bucket: "bench", Key: `plain/part-${part}.parquet`, Body: readFileSync(join(dir, "plain", `part-${part}.parquet`)) }));
client.destroy();

const ids = ["client_id"];
const peers: Record<string, Omit<BatchOptions, "model" | "outputDir">> = {
  plain: { inputs: [join(dir, "plain", "*.parquet")], ids },
  join: { inputs: [join(dir, "ids", "*.parquet")], ids, features: { table: join(dir, "features.parquet"), on: ["client_id"] } },
  s3: { inputs: ["s3://bench/plain/*.parquet"], ids, s3: access },
};
const best: Record<string, number> = {};
for (let round = 0; round < rounds; round++) {
  for (const [name, options] of Object.entries(peers)) {
    const outputDir = join(dir, `out-${name}`);
    rmSync(outputDir, { recursive: true, force: true });
    const started = performance.now();
    const result = await batchPredict({ model: churnModel, outputDir, timeoutMs: 60_000, ...options });
    const seconds = (performance.now() - started) / 1000;
    if (result.rows !== size) throw new Error(`${name}: ${result.rows} rows written of ${size}`);
    best[name] = Math.min(best[name] ?? Infinity, seconds);
    console.log(`round ${round + 1} ${name.padEnd(5)} ${seconds.toFixed(2)} s`);
  }
}

// every peer's output, in order, equals the plain one
const digest = async (name: string) => JSON.stringify(await sql(`SELECT count(*)::BIGINT::VARCHAR AS n, sum(hash(n, client_id, churn))::HUGEINT::VARCHAR AS h FROM (SELECT *, row_number() OVER () AS n FROM read_parquet('${join(dir, `out-${name}`, "*.parquet")}'))`));
const expected = await digest("plain");
const equal = Object.fromEntries(await Promise.all(Object.keys(peers).map(async (name) => [name, (await digest(name)) === expected] as const)));
const rows = Object.keys(peers).map((name) => ({ peer: name, seconds: Number(best[name]!.toFixed(2)), rowsPerSecond: Math.round(size / best[name]!), ofPlain: Number((best["plain"]! / best[name]!).toFixed(3)), equalToPlain: equal[name] }));
console.table(rows);
await s3.close();
duck.closeSync();
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(repo, ".bench"), { recursive: true });
writeFileSync(join(repo, ".bench", "batch-extras.json"), `${JSON.stringify({ date: new Date().toISOString(), size, rounds, load: load(), rows }, null, 2)}\n`);
console.log(`load average after ${load()}`);
if (!Object.values(equal).every(Boolean)) process.exitCode = 1;
