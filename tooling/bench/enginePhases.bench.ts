/**
 * `npm run bench:engine:phases`: where the time of a check goes, one piece at a time, on the
 * engine benchmark's corpus (generated if absent): Node and CLI start, the compiler with and
 * without its code cache, parsing, and one worker's start, imports and run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readExampleFiles } from "../src/files/readExampleFiles.ts";
import { findExamples } from "../src/find/findExamples.ts";
import { startWorkers } from "../src/fast/startWorkers.ts";
import { runInWorkers } from "../src/run/runInWorkers.ts";
import { generateCorpus } from "./generateCorpus.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const root = path.join(repo, ".bench", "engine-corpus");
const exemplar = path.join(repo, "tooling", "bin", "exemplar.js");
const cache = path.join(repo, "node_modules", ".cache", "exemplar");
if (!existsSync(path.join(root, "examples"))) generateCorpus(root);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const wall = (args: string[], runs = 5) =>
  median(Array.from({ length: runs }, () => {
    const started = performance.now();
    spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
    return (performance.now() - started) / 1000;
  }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const rows: Array<[string, number]> = [];
rows.push(["Node start (node -e 0)", wall(["-e", "0"])]);
rows.push(["CLI start, bundled (exemplar check --help)", wall([exemplar, "check", "--help"])]);
const list = wall([exemplar, "list"]);
rows.push(["exemplar list: start, compiler (code cache), parse, find", list]);
const aside = `${cache}.aside`;
if (existsSync(cache)) renameSync(cache, aside);
const listCold = wall([exemplar, "list"], 3);
rmSync(cache, { recursive: true, force: true });
if (existsSync(aside)) renameSync(aside, cache);
rows.push(["exemplar list without the compiler's code cache", listCold]);

// in this process: the compiler is loaded by the first parse
const sources = await readExampleFiles(root, ["examples/**/*.ts"]);
let started = performance.now();
const { examples } = findExamples(sources);
rows.push(["loading the compiler, parsing 100 files, finding 1,000 examples (in process)", (performance.now() - started) / 1000]);
started = performance.now();
await runInWorkers(examples.slice(0, 1), { root, timeout: 5000, jobs: 1, workers: startWorkers(root, 1) });
rows.push(["a worker: start to first result", (performance.now() - started) / 1000]);
const preloaded = startWorkers(root, 1, sources);
await sleep(2500);
started = performance.now();
await runInWorkers(examples, { root, timeout: 5000, jobs: 1, workers: preloaded });
const run = (performance.now() - started) / 1000;
rows.push(["a worker: running 1,000 examples already imported", run]);
const fresh = startWorkers(root, 1);
await sleep(1500);
started = performance.now();
await runInWorkers(examples, { root, timeout: 5000, jobs: 1, workers: fresh });
rows.push(["a worker: transpiling and importing 100 files", (performance.now() - started) / 1000 - run]);

console.log("| piece | seconds |\n| --- | ---: |");
for (const [piece, seconds] of rows) console.log(`| ${piece} | ${seconds.toFixed(2)} |`);
