/**
 * One batch run of the churn model, in a process of its own so that its peak memory is its own:
 * `node --import tsx platform/bench/batchRun.ts OUTPUT_DIR SHARD INPUT...` (SHARD `-` for none,
 * else `i/N` from 0, as `--shard` takes it; BENCH_BATCH_WORKERS model workers, default batch's).
 * Prints one JSON line: rows, seconds, and this process's peak RSS in MiB.
 */
import { batchPredict } from "../src/batch/batchPredict.ts";
import { parseShard } from "../src/batch/selectShard.ts";
import { churnModel } from "./churnModel.ts";

const [outputDir, shard, ...inputs] = process.argv.slice(2);
const started = performance.now();
const result = await batchPredict({ model: churnModel, inputs, outputDir: outputDir!, ...(process.env["BENCH_BATCH_WORKERS"] ? { workers: Number(process.env["BENCH_BATCH_WORKERS"]) } : {}), ...(shard && shard !== "-" ? { shard: parseShard(shard) } : {}) });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ rows: result.rows, seconds, peakMiB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
