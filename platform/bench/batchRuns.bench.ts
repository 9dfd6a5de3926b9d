/**
 * `npm run bench:batch-runs`: what recording a batch run costs (issue 16). For each size
 * (BENCH_DRIFT_ROWS, default `1000000,10000000`), one Parquet part of the churn model's rows
 * (churnModel.ts): `countInputDrift` over it against its peer in the same run, DuckDB summing
 * the same columns (`sum(col)` for each, which reads every value), best of 3 each. Then the
 * registry: 200 run records (`Registry.recordRun`) against 200 `whoami` calls, the cheapest
 * authenticated request, on the same embedded registry. Prints the figures; on a shared machine
 * read the ratios.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { countInputDrift } from "../src/batch/countInputDrift.ts";
import { sourceOf } from "../src/batch/InputPart.ts";
import { Registry } from "../src/client/Registry.ts";
import { issueToken } from "../src/auth/issueToken.ts";
import type { RunInput } from "../src/runs/BatchRun.ts";
import { startRegistry } from "../src/server/startRegistry.ts";
import { trainingRanges } from "../src/serving/trainingRanges.ts";
import { churnModel, churnRowsSql } from "./churnModel.ts";

const sizes = (process.env["BENCH_DRIFT_ROWS"] ?? "1000000,10000000").split(",").map(Number);
const dir = mkdtempSync(join(tmpdir(), "envelope-bench-runs-"));
const load = () => loadavg().map((value) => value.toFixed(2)).join(", ");
console.log(`batch run records; load average ${load()}`);

async function best(times: number, work: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity;
  for (let time = 0; time < times; time++) {
    const started = performance.now();
    await work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const { inputs } = churnModel.envelope.function.shape;
const ranges = trainingRanges(inputs, churnModel.envelope.data.features);
try {
  for (const size of sizes) {
    const file = join(dir, `part-${size}.parquet`);
    await connection.run(`COPY (${churnRowsSql(size)}) TO '${file}' (FORMAT parquet)`);
    const source = sourceOf({ file, format: "parquet" });
    const driftMs = await best(3, () => countInputDrift(connection, source, ranges));
    const scanMs = await best(3, () => connection.runAndReadAll(`SELECT ${ranges.map((range) => `sum("${range.field}")`).join(", ")} FROM ${source}`));
    console.log(`${String(size).padStart(10)} rows, ${ranges.length} ranges: countInputDrift ${driftMs.toFixed(1)} ms (${Math.round(size / (driftMs / 1000)).toLocaleString("en")} rows/s), sum of the same columns ${scanMs.toFixed(1)} ms: ${(driftMs / scanMs).toFixed(2)}x`);
  }
} finally {
  connection.closeSync();
  instance.closeSync();
}

const registry = await startRegistry({ store: { dataDir: join(dir, "data") }, artifactsDir: join(dir, "artifacts"), log: () => {} });
try {
  const client = new Registry({ url: registry.url, token: await issueToken(registry.store, { user: "bench", team: "churn" }), tracking: { sink: "none" } });
  await client.save({ name: "churn", artifact: { w: 1 }, inputs: [{ x: 1 }], outputs: [{ y: 1 }] });
  const run: RunInput = { status: "succeeded", inputs: Array.from({ length: 4 }, (_, part) => `s3://clients/2026-11/part-${part}.parquet`), output: "/predictions/2026-11", rowsIn: 10_000_000, rowsOut: 10_000_000, rowsSkipped: 0, durationMs: 42_000, startedAt: new Date().toISOString(), drift: { tenure_months: 12, monthly_spend: 3 }, error: null, shard: null };
  const calls = 200;
  // warm both paths (connections, JIT) before timing
  for (let call = 0; call < 20; call++) await Promise.all([client.recordRun("churn", 1, run), client.whoami()]);
  const recordMs = await best(3, async () => {
    for (let call = 0; call < calls; call++) await client.recordRun("churn", 1, run);
  });
  const whoamiMs = await best(3, async () => {
    for (let call = 0; call < calls; call++) await client.whoami();
  });
  console.log(`registry: recordRun ${(recordMs / calls).toFixed(2)} ms per record, whoami ${(whoamiMs / calls).toFixed(2)} ms per call: ${(recordMs / whoamiMs).toFixed(2)}x`);
  const listMs = await best(3, () => client.listRuns("churn", { limit: 50 }));
  console.log(`registry: listRuns of 50 (of ${20 + 3 * calls} runs) ${listMs.toFixed(2)} ms`);
} finally {
  await registry.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`load average after: ${load()}`);
}
