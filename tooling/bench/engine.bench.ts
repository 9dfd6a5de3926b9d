/**
 * `npm run bench:engine`: exemplar against its peers on a synthetic corpus of 1,000 examples
 * (100 files x 10, a tenth async), all in one run. Prints a table and writes
 * `.bench/engine.json`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, writeNaiveRunner, writeVitestCorpus } from "./generateCorpus.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
// inside the repository so that the peers resolve vitest and tsx from its node_modules
const dir = path.join(repo, ".bench", "engine-corpus");
const exemplar = path.join(repo, "tooling", "bin", "exemplar.js");
const vitest = path.join(repo, "node_modules", "vitest", "vitest.mjs");
const tsx = path.join(repo, "node_modules", "tsx", "dist", "cli.mjs");
const runs = Number(process.env.BENCH_RUNS ?? 3);

const entries = generateCorpus(dir);
writeVitestCorpus(dir, entries);
const runner = writeNaiveRunner(dir);

function time(label: string, command: string, args: string[], options: { env?: Record<string, string> } = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: dir, encoding: "utf8", env: { ...process.env, ...options.env } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  }
  return { seconds, stdout: result.stdout, stderr: result.stderr };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function repeat(label: string, command: string, args: string[], options: { env?: Record<string, string>; before?: () => void } = {}) {
  const samples: number[] = [];
  let last = { seconds: 0, stdout: "", stderr: "" };
  for (let run = 0; run < runs; run++) {
    options.before?.();
    last = time(label, command, args, options);
    samples.push(last.seconds);
  }
  return { seconds: median(samples), samples, stdout: last.stdout, stderr: last.stderr };
}

// tsx keeps a transform cache on disk; every run here starts without it, as a fresh CI machine does
const cold = { TSX_DISABLE_CACHE: "1" };
console.log(`corpus: ${entries.length} examples in ${new Set(entries.map((entry) => entry.file)).size} files at ${dir}`);

const exemplarRun = repeat("exemplar check", process.execPath, [exemplar, "check", "--examples", "examples/**/*.ts", "--reporter", "json"], { env: cold });
const report = JSON.parse(exemplarRun.stdout) as { summary: { passed: number; failed: number }; timings?: Record<string, number> };
if (report.summary.passed !== entries.length) throw new Error(`exemplar passed ${report.summary.passed} of ${entries.length}`);
// as on a fresh CI machine: `npm ci` built the CLI, which wrote the compiler's code cache
// (tooling/scripts/build.js), and nothing has run yet: no compiled example files
const cacheDir = path.join(repo, "node_modules", ".cache", "exemplar");
const installCache = path.join(repo, "tooling", "bench", "installCompilerCache.mjs");
const exemplarFresh = repeat("exemplar check, fresh CI machine", process.execPath, [exemplar, "check", "--examples", "examples/**/*.ts", "--reporter", "json"], {
  env: cold,
  before: () => {
    rmSync(cacheDir, { recursive: true, force: true });
    execFileSync(process.execPath, [installCache], { env: { ...process.env, ...cold } });
  },
});
// and with no cache at all: not even the compiler's (an install whose build could not write it)
const exemplarEmpty = repeat("exemplar check, no caches at all", process.execPath, [exemplar, "check", "--examples", "examples/**/*.ts", "--reporter", "json"], {
  env: cold,
  before: () => rmSync(cacheDir, { recursive: true, force: true }),
});
const startup = repeat("exemplar --help", process.execPath, [exemplar, "check", "--help"], { env: cold });

const vitestDefault = repeat("vitest defaults", process.execPath, [vitest, "run", "--config", "vitest.config.ts"], { env: cold });
const vitestFast = repeat("vitest --pool=threads --no-isolate", process.execPath, [vitest, "run", "--config", "vitest.config.ts", "--pool=threads", "--no-isolate"], { env: cold });

const sample = entries.filter((_, index) => index % 20 === 0).slice(0, 50);
const naiveStarted = performance.now();
for (const entry of sample) {
  execFileSync(process.execPath, [tsx, runner, path.join(dir, entry.file), entry.name, JSON.stringify(entry.lines.join("\n") + "\n")], { cwd: dir, env: { ...process.env, ...cold } });
}
const naivePerExample = (performance.now() - naiveStarted) / 1000 / sample.length;
const exemplarPerExample = exemplarRun.seconds / entries.length;

const rows = [
  { runner: "exemplar check (cold, default jobs)", examples: entries.length, seconds: exemplarRun.seconds, perExampleMs: exemplarPerExample * 1000 },
  { runner: "exemplar check, fresh CI machine (after npm ci)", examples: entries.length, seconds: exemplarFresh.seconds, perExampleMs: (exemplarFresh.seconds / entries.length) * 1000 },
  { runner: "exemplar check, no caches at all", examples: entries.length, seconds: exemplarEmpty.seconds, perExampleMs: (exemplarEmpty.seconds / entries.length) * 1000 },
  { runner: "vitest run (defaults)", examples: entries.length, seconds: vitestDefault.seconds, perExampleMs: (vitestDefault.seconds / entries.length) * 1000 },
  { runner: "vitest run --pool=threads --no-isolate", examples: entries.length, seconds: vitestFast.seconds, perExampleMs: (vitestFast.seconds / entries.length) * 1000 },
  { runner: "naive: one tsx process per example", examples: sample.length, seconds: naivePerExample * sample.length, perExampleMs: naivePerExample * 1000 },
];
const ratios = {
  vitestDefaultOverExemplar: vitestDefault.seconds / exemplarRun.seconds,
  vitestFastOverExemplar: vitestFast.seconds / exemplarRun.seconds,
  vitestFastOverExemplarFresh: vitestFast.seconds / exemplarFresh.seconds,
  naivePerExampleOverExemplarPerExample: naivePerExample / exemplarPerExample,
};
const targets = {
  "exemplar on a fresh CI machine <= 1.0 s": exemplarFresh.seconds <= 1.0,
  ">= 2x faster than vitest's fastest, on a fresh CI machine": ratios.vitestFastOverExemplarFresh >= 2,
  ">= 100x faster per example than naive": ratios.naivePerExampleOverExemplarPerExample >= 100,
};

console.log("");
console.log("| runner | examples | wall s (median of " + runs + ") | ms per example |");
console.log("| --- | ---: | ---: | ---: |");
for (const row of rows) console.log(`| ${row.runner} | ${row.examples} | ${row.seconds.toFixed(2)} | ${row.perExampleMs.toFixed(2)} |`);
console.log("");
console.log(`vitest defaults / exemplar: ${ratios.vitestDefaultOverExemplar.toFixed(1)}x`);
console.log(`vitest fastest / exemplar:  ${ratios.vitestFastOverExemplar.toFixed(1)}x warm, ${ratios.vitestFastOverExemplarFresh.toFixed(1)}x on a fresh CI machine`);
console.log(`naive per example / exemplar per example: ${ratios.naivePerExampleOverExemplarPerExample.toFixed(0)}x`);
console.log(`exemplar on a fresh CI machine: ${exemplarFresh.samples.map((s) => s.toFixed(2)).join(", ")} s; with no caches at all: ${exemplarEmpty.samples.map((s) => s.toFixed(2)).join(", ")} s`);
console.log(`exemplar samples: ${exemplarRun.samples.map((s) => s.toFixed(2)).join(", ")} s; CLI start-up alone (check --help): ${startup.seconds.toFixed(2)} s`);
if (report.timings) console.log(`exemplar phases (ms, last run): ${JSON.stringify(report.timings)}`);
for (const [target, met] of Object.entries(targets)) console.log(`${met ? "met    " : "MISSED "} ${target}`);

mkdirSync(path.join(repo, ".bench"), { recursive: true });
writeFileSync(
  path.join(repo, ".bench", "engine.json"),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: (await import("node:os")).availableParallelism(), runs, rows, ratios, targets, startupSeconds: startup.seconds, phases: report.timings }, null, 2) + "\n",
);
console.log(`\nwrote ${path.join(".bench", "engine.json")}`);
