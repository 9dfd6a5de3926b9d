/**
 * `npm run bench:ci`: CI at scale on a synthetic corpus of 10,000 examples (1,000 files x 10;
 * BENCH_FILES changes the count). Times, one cold process each: a full run with an empty result
 * cache; a re-run with nothing changed; a re-run after one file changed; four shards run one
 * after another (no cache), whose reports `exemplar merge-reports` combines and this compares
 * with the full run's verdicts. Prints a table and writes `.bench/ci.json`.
 *
 * With BENCH_CI_PATH=REF[,REF...] (e.g. `59b706b,HEAD`: before issue 14 and now), it also times
 * this repository's own CI critical path at each ref (`measureCriticalPath`): a fresh clone,
 * the workflow's run steps in sequence, the examples run in each step counted. About ten
 * minutes per ref on a 2-core machine, hence not by default.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureCriticalPath } from "./ciCriticalPath.ts";
import { generateCorpus } from "./generateCorpus.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const dir = path.join(repo, ".bench", "ci-corpus");
const exemplar = path.join(repo, "tooling", "bin", "exemplar.js");
const files = Number(process.env.BENCH_FILES ?? 1000);

const entries = generateCorpus(dir, files, 10);
const load = loadavg().map((value) => Number(value.toFixed(2)));
console.log(`corpus: ${entries.length} examples in ${files} files at ${dir}; load average ${load.join(", ")}`);

interface Report {
  summary: { passed: number; failed: number; skipped: number; cached?: number };
  examples: Array<{ key: string; status: string; stdout: string; cached?: boolean }>;
}
function check(label: string, ...args: string[]) {
  return checkWith({}, label, ...args);
}
function checkWith(env: Record<string, string>, label: string, ...args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [exemplar, "check", "--examples", "examples/**/*.ts", ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, EXEMPLAR_CACHE: "1", ...env }, maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  return seconds;
}
const read = (name: string) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as Report;
const ran = (report: Report) => report.examples.filter((example) => !example.cached).length;

const rows: Array<{ run: string; seconds: number; ran: number; target?: string }> = [];
// as a fresh CI machine starts: no result or parse cache, and no compiled files (EXEMPLAR_CACHE_DIR
// empty; the compiler's code cache is there, as npm ci's build writes it)
const emptyCacheDir = mkdtempSync(path.join(tmpdir(), "exemplar-bench-ci-"));
rmSync(path.join(dir, ".exemplar-cache"), { recursive: true, force: true });
rows.push({ run: "full run, every cache empty", seconds: checkWith({ EXEMPLAR_CACHE_DIR: emptyCacheDir }, "full (empty caches)", "--json-out", "full.json"), ran: ran(read("full.json")) });
rmSync(emptyCacheDir, { recursive: true, force: true });
rmSync(path.join(dir, ".exemplar-cache"), { recursive: true, force: true });
rows.push({ run: "full run, empty result cache", seconds: check("full", "--json-out", "full.json"), ran: ran(read("full.json")) });
rows.push({ run: "re-run, nothing changed", seconds: check("unchanged", "--json-out", "unchanged.json"), ran: ran(read("unchanged.json")), target: "<= 1 s, none run" });
appendFileSync(path.join(dir, entries[entries.length >> 1]!.file), "// changed\n");
rows.push({ run: "re-run, one file changed", seconds: check("one file", "--json-out", "one.json"), ran: ran(read("one.json")), target: "<= 1.5 s, its 10 run" });
const shards: number[] = [];
mkdirSync(path.join(dir, "shards"), { recursive: true });
for (let index = 1; index <= 4; index++) shards.push(check(`shard ${index}`, "--no-cache", "--shard", `${index}/4`, "--durations", "full.json", "--json-out", `shards/${index}.json`));
const merged = spawnSync(process.execPath, [exemplar, "merge-reports", ...[1, 2, 3, 4].map((index) => `shards/${index}.json`), "--json-out", "merged.json"], { cwd: dir, encoding: "utf8" });
if (merged.status !== 0) throw new Error(`merge-reports failed: ${merged.stdout}${merged.stderr}`);
const verdicts = (report: Report) => JSON.stringify(report.examples.map(({ key, status, stdout }) => [key, status, stdout]));
const equal = verdicts(read("merged.json")) === verdicts(read("full.json"));
shards.forEach((seconds, index) => rows.push({ run: `shard ${index + 1}/4 (no cache)`, seconds, ran: read(`shards/${index + 1}.json`).examples.length }));

for (const row of rows) console.log(`${row.run.padEnd(32)} ${row.seconds.toFixed(2).padStart(6)} s  ran ${String(row.ran).padStart(5)}${row.target ? `  (target ${row.target})` : ""}`);
const full = rows[1]!.seconds;
console.log(`slowest shard ${Math.max(...shards).toFixed(2)} s against a quarter of the full run ${(full / 4).toFixed(2)} s; merged shards equal the full run: ${equal}`);
const refs = (process.env.BENCH_CI_PATH ?? "").split(",").filter(Boolean);
const paths = refs.map((ref) => {
  console.log(`CI critical path at ${ref} (fresh clone, empty result cache; load average ${loadavg().map((value) => value.toFixed(2)).join(", ")}):`);
  const measured = measureCriticalPath(repo, ref);
  const total = measured.steps.reduce((sum, step) => sum + step.seconds, 0);
  console.log(`  ${ref} (${measured.commit}): ${total.toFixed(1)} s in ${measured.steps.length} steps, examples run ${measured.steps.reduce((sum, step) => sum + step.ran, 0)} times in all`);
  return { ...measured, totalSeconds: total };
});
mkdirSync(path.join(repo, ".bench"), { recursive: true });
writeFileSync(path.join(repo, ".bench", "ci.json"), `${JSON.stringify({ date: new Date().toISOString(), load, examples: entries.length, rows, slowestShard: Math.max(...shards), mergedEqualsFull: equal, criticalPaths: paths }, null, 2)}\n`);
if (!equal) process.exitCode = 1;
