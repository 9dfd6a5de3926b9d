/**
 * `npm run bench:splice`: `exemplar splice --check` on a synthetic project of 100 examples
 * (10 files x 10, each with `@expect`, imports and a `// hide` line) and 1,000 Markdown pages
 * with 5 keyed blocks each, already spliced, against the naive way: a remark parse and
 * stringify of every page in one process. Every tenth page shows one example's output, so
 * splice runs those examples (100 output blocks over 10 distinct examples); the other 4,900
 * blocks show code. Both are timed as whole cold processes, median of BENCH_RUNS (7). Also
 * times `splice --check` with no output block (nothing runs), on one page holding 5,000 keyed
 * blocks (splicing is linear in the blocks of a page), and the phases inside the splice stages.
 * Prints a table and writes `.bench/splice.json`.
 *
 * `--phases DIR` is the child mode: one cold splice of DIR, printing each stage's time as JSON.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pageCount = 1000;
const blocksPerPage = 5;
const exampleFiles = 10;
const examplesPerFile = 10;
const outputEvery = 10;
const distinctOutputs = 10;
const onePageBlocks = 5000;

if (process.argv[2] === "--phases") {
  await printPhases(path.resolve(process.argv[3]!));
  process.exit(0);
}

const repo = fileURLToPath(new URL("../..", import.meta.url));
// inside the repository so that the naive script resolves unified and remark from its node_modules
const root = path.join(repo, ".bench", "splice-corpus");
const exemplar = path.join(repo, "tooling", "bin", "exemplar.js");
const runs = Number(process.env.BENCH_RUNS ?? 7);

/** `exampleFiles x examplesPerFile` examples; returns their keys in file order. */
function writeExamples(dir: string): string[] {
  mkdirSync(path.join(dir, "examples"), { recursive: true });
  mkdirSync(path.join(dir, "lib"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  writeFileSync(path.join(dir, "lib", "format.ts"), `/** Upper-cases a label. */
export const shout = (text: string): string => text.toUpperCase();
/** A value the examples build on, made in hidden setup lines. */
export const seed = (n: number): number => n * 3;
export const unused = 1;
`);
  const keys: string[] = [];
  for (let f = 0; f < exampleFiles; f++) {
    const chunks = [`import path from "node:path";\nimport { format } from "node:util";\nimport { seed, shout, unused } from "../lib/format.ts";\n`];
    for (let e = 0; e < examplesPerFile; e++) {
      const index = f * examplesPerFile + e;
      const key = `topic${f}.example${e}`;
      keys.push(key);
      chunks.push(`/**
 * Synthetic example ${index}: joins a path and formats a line.
 * @example ${key}
 * @expect
 * items/${index} -> ${index * 2}
 * ITEM ${index * 3}
 */
export function example${e}() {
  const base = seed(${index}); // hide
  const name = path.join("items", String(${index}));
  console.log(format("%s -> %d", name, ${index} * 2));
  console.log(shout(\`item \${base}\`));
}
`);
    }
    writeFileSync(path.join(dir, "examples", `topic${f}.ts`), chunks.join("\n"));
  }
  return keys;
}

/**
 * 1,000 pages in 20 folders, with empty keyed blocks in the places writers put them: top level,
 * in a list item, in a blockquote, with highlights and `full`, beside front matter, tables,
 * emphasis and untouched snippets.
 */
function writePages(dir: string, keys: readonly string[]): void {
  for (let p = 0; p < pageCount; p++) {
    const folder = path.join(dir, "docs", `section-${String(p % 20).padStart(2, "0")}`);
    mkdirSync(folder, { recursive: true });
    const key = (j: number) => keys[(p * blocksPerPage + j) % keys.length]!;
    const last = p % outputEvery === 0
      ? `\`\`\`text example-output=${keys[((p / outputEvery) % distinctOutputs) * examplesPerFile]}\n\`\`\``
      : `\`\`\`ts example=${key(4)}\n\`\`\``;
    writeFileSync(path.join(folder, `page-${String(p).padStart(4, "0")}.md`), `---
title: Page ${p}
outline: deep
---

# Page ${p}

Intro to page ${p}, with *emphasis*, __strong__ words, \`inline code\` and a [link](../index.md).

## Joining paths

The example below joins a path:

\`\`\`ts example=${key(0)}
\`\`\`

| option | default |
|--------|---------|
| jobs   | cores   |

* a step with code:

  \`\`\`ts example=${key(1)} {2}
  \`\`\`

* a plain step

> Note: hidden setup lines run too.
>
> \`\`\`ts example=${key(2)} full
> \`\`\`

## Formatting

\`\`\`sh
npm run docs:dev
\`\`\`

\`\`\`ts [format.ts] example=${key(3)}
\`\`\`

<div class="tip">Some raw HTML.</div>

${last}
`);
  }
}

/**
 * One page with `onePageBlocks` keyed code blocks over every example, each under a heading of its
 * own, a third of them in a list item and a third in a blockquote.
 */
function writeOnePage(dir: string, keys: readonly string[]): void {
  mkdirSync(path.join(dir, "docs"), { recursive: true });
  const parts = ["---\ntitle: Every example, many times\n---\n\n# Every example\n"];
  for (let b = 0; b < onePageBlocks; b++) {
    const key = keys[b % keys.length]!;
    const block = b % 3 === 0 ? `\`\`\`ts example=${key}\n\`\`\``
      : b % 3 === 1 ? `- step ${b}:\n\n  \`\`\`ts example=${key} {2}\n  \`\`\``
      : `> Note ${b}:\n>\n> \`\`\`ts example=${key} full\n> \`\`\``;
    parts.push(`## Block ${b}\n\nThe example ${key}, with *emphasis*:\n\n${block}\n`);
  }
  writeFileSync(path.join(dir, "docs", "many.md"), parts.join("\n"));
}

/** The naive way, as a script: parse and stringify every page with remark, in one process. */
function writeNaiveScript(dir: string): string {
  const file = path.join(dir, "naive.mjs");
  writeFileSync(file, `import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
const docs = path.resolve(process.argv[2]);
const processor = unified().use(remarkParse).use(remarkStringify);
let changed = 0, pages = 0;
for (const file of readdirSync(docs, { recursive: true }).filter((name) => name.endsWith(".md")).sort()) {
  const text = readFileSync(path.join(docs, file), "utf8");
  if (String(processor.processSync(text)) !== text) changed++;
  pages++;
}
console.log(JSON.stringify({ pages, changed }));
`);
  return file;
}

function time(label: string, args: string[], cwd: string, expectStatus = 0) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== expectStatus) {
    throw new Error(`${label} exited ${result.status}, expected ${expectStatus}:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  }
  return { seconds, stdout: result.stdout };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Like `repeat` for several commands, one run of each in turn. */
function alternate(commands: Array<[label: string, args: string[], cwd: string]>) {
  const samples = commands.map((): number[] => []);
  for (let run = 0; run < runs; run++) {
    commands.forEach(([label, args, cwd], index) => samples[index]!.push(time(label, args, cwd).seconds));
  }
  return samples.map((values) => ({ seconds: median(values), samples: values }));
}

function repeat(label: string, args: string[], cwd: string) {
  const samples: number[] = [];
  let stdout = "";
  for (let run = 0; run < runs; run++) {
    const result = time(label, args, cwd);
    samples.push(result.seconds);
    stdout = result.stdout;
  }
  return { seconds: median(samples), samples, stdout };
}

/** Child mode: the stages of one cold splice, as `exemplar splice` calls them, plus how long loading the modules took. */
async function printPhases(dir: string) {
  const loadStarted = performance.now();
  const { openProject, resolveConfig, runExamples, splice } = await import("../src/index.ts");
  const { startWorkers } = await import("../src/fast/startWorkers.ts");
  const load = performance.now() - loadStarted;
  const started = performance.now();
  let since = started;
  const lap = () => Math.round(-since + (since = performance.now()));
  const workers = startWorkers(dir, 1);
  const project = await openProject(resolveConfig({}, dir), { pages: true });
  const open = lap();
  const shown = new Set(project.pages!.flatMap((page) => page.found.blocks.filter((block) => block.kind === "output").map((block) => block.key)));
  const run = shown.size > 0 ? await runExamples(project, { keys: shown }, { workers }) : (await Promise.all(workers.workers.map((worker) => worker.close())), undefined);
  const ran = lap();
  const report = splice(project, run?.verdicts);
  const spliced = lap();
  const stale = report.pages.filter((page) => page.after !== page.before).length;
  console.log(JSON.stringify({ load: Math.round(load), total: Math.round(performance.now() - started), open, ...(run ? { run: ran } : {}), splice: spliced, stale }));
}

// ---- corpus: a copy with output blocks (the examples run) and one with code blocks only ----
rmSync(root, { recursive: true, force: true });
const withOutput = path.join(root, "with-output");
const codeOnly = path.join(root, "code-only");
const keys = writeExamples(withOutput);
writePages(withOutput, keys);
writeExamples(codeOnly);
writePages(codeOnly, keys);
for (const file of readdirSync(path.join(codeOnly, "docs"), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md"))) {
  const page = path.join(codeOnly, "docs", file);
  // the same page with its output block turned into one more code block
  writeFileSync(page, readFileSync(page, "utf8").replace(/```text example-output=(\S+)/, "```ts example=$1"));
}
const onePage = path.join(root, "one-page");
writeExamples(onePage);
writeOnePage(onePage, keys);
const naive = writeNaiveScript(root);

// splice once untimed: it fills the blocks, and rebuilds the CLI bundle if the sources changed
for (const dir of [withOutput, codeOnly, onePage]) {
  time("exemplar splice --write", [exemplar, "splice", "--write"], dir);
  time("exemplar splice --check (warm-up)", [exemplar, "splice", "--check"], dir);
}
const firstPage = readFileSync(path.join(withOutput, "docs", "section-00", "page-0000.md"), "utf8");
const blocks = firstPage.match(/example(-output)?=/g)!.length;
if (!firstPage.includes('const name = path.join("items", String(0));') || !firstPage.includes("items/0 -> 0\nITEM 0\n```")) {
  throw new Error(`splice --write did not fill the blocks:\n${firstPage}`);
}
const manyPage = readFileSync(path.join(onePage, "docs", "many.md"), "utf8");
const manyBlocks = manyPage.match(/example=/g)!.length;
if (manyBlocks !== onePageBlocks || !manyPage.includes('>   const name = path.join("items", String(2));')) {
  throw new Error(`splice --write did not fill the one page's ${onePageBlocks} blocks (${manyBlocks} found)`);
}
console.log(`corpus: ${keys.length} examples in ${exampleFiles} files; ${pageCount} pages x ${blocks} keyed blocks; `
  + `${pageCount / outputEvery} output blocks over ${distinctOutputs} examples, at ${root}`);
console.log(`one page: ${onePageBlocks} keyed blocks, ${(manyPage.length / 1024).toFixed(0)} KB once spliced, at ${onePage}`);
console.log(`load average before measuring: ${loadavg().map((load) => load.toFixed(2)).join(", ")} on ${availableParallelism()} cores`);

// the two kinds of docs folder alternate, so that a change of load meanwhile weighs on both
const [check, checkCodeOnly] = alternate([
  ["exemplar splice --check", [exemplar, "splice", "--check"], withOutput],
  ["exemplar splice --check (code only)", [exemplar, "splice", "--check"], codeOnly],
]);
const onePageCheck = repeat("exemplar splice --check (one page)", [exemplar, "splice", "--check"], onePage);
const startup = repeat("exemplar splice --help", [exemplar, "splice", "--help"], withOutput);
const naiveRun = repeat("naive remark parse + stringify", [naive, path.join(withOutput, "docs")], root);
const naiveResult = JSON.parse(naiveRun.stdout) as { pages: number; changed: number };
const tsx = ["--import", "tsx", fileURLToPath(import.meta.url), "--phases"];
const phases = time("splice stages", [...tsx, withOutput], repo).stdout;
const phasesCodeOnly = time("splice stages (code only)", [...tsx, codeOnly], repo).stdout;
const phasesOnePage = time("splice stages (one page)", [...tsx, onePage], repo).stdout;
const loadAfter = loadavg();
const phaseNames: Record<string, string> = {
  load: "load the modules (tsx here, the bundle in the CLI)",
  open: "openProject: read, find the examples (loads the compiler), find the pages' blocks",
  run: "runExamples: the 10 examples output blocks show (a worker booted during open)",
  splice: "splice: render code once per example, fill 5,000 blocks",
  total: "total of the stages",
};

const rows = [
  { way: "exemplar splice --check (100 output blocks: 10 examples run)", seconds: check.seconds, samples: check.samples },
  { way: "exemplar splice --check (code blocks only: nothing runs)", seconds: checkCodeOnly.seconds, samples: checkCodeOnly.samples },
  { way: `exemplar splice --check (one page with ${onePageBlocks.toLocaleString("en")} keyed blocks: nothing runs)`, seconds: onePageCheck.seconds, samples: onePageCheck.samples },
  { way: `naive: remark parse + stringify, one process (rewrites ${naiveResult.changed} of ${naiveResult.pages} pages)`, seconds: naiveRun.seconds, samples: naiveRun.samples },
  { way: "CLI start-up alone (exemplar splice --help)", seconds: startup.seconds, samples: startup.samples },
];
const targets = {
  // the corpus: 1,000 pages x 5 keyed blocks, every block showing an example's code
  "splice --check <= 0.5 s, keyed code blocks": checkCodeOnly.seconds <= 0.5,
  // stricter: 100 of the blocks show what 10 examples print, so splice runs them first
  "splice --check <= 0.5 s, with 100 output blocks (10 examples run)": check.seconds <= 0.5,
  "splice --check faster than the naive way": check.seconds < naiveRun.seconds,
};

console.log("");
console.log(`| way | wall s (median of ${runs}) | samples |`);
console.log("| --- | ---: | --- |");
for (const row of rows) console.log(`| ${row.way} | ${row.seconds.toFixed(3)} | ${row.samples.map((s) => s.toFixed(3)).join(", ")} |`);
console.log("");
console.log(`naive / splice --check: ${(naiveRun.seconds / check.seconds).toFixed(2)}x (with outputs), ${(naiveRun.seconds / checkCodeOnly.seconds).toFixed(2)}x (code only)`);
console.log("");
console.log("| stage of a splice (ms, one cold in-process run) | with outputs | code only | one page |");
console.log("| --- | ---: | ---: | ---: |");
const withPhases = JSON.parse(phases) as Record<string, number>;
const codePhases = JSON.parse(phasesCodeOnly) as Record<string, number>;
const onePagePhases = JSON.parse(phasesOnePage) as Record<string, number>;
for (const phase of ["load", "open", "run", "splice", "total"]) {
  console.log(`| ${phaseNames[phase]} | ${withPhases[phase] ?? "-"} | ${codePhases[phase] ?? "-"} | ${onePagePhases[phase] ?? "-"} |`);
}
console.log("");
console.log(`load average after: ${loadAfter.map((load) => load.toFixed(2)).join(", ")}`);
for (const [target, met] of Object.entries(targets)) console.log(`${met ? "met    " : "MISSED "} ${target}`);

mkdirSync(path.join(repo, ".bench"), { recursive: true });
writeFileSync(path.join(repo, ".bench", "splice.json"), JSON.stringify({
  date: new Date().toISOString(), node: process.version, cores: availableParallelism(), loadAverage: loadAfter, runs,
  corpus: { examples: keys.length, pages: pageCount, blocksPerPage: blocks, outputBlocks: pageCount / outputEvery, distinctOutputs, onePageBlocks },
  rows, targets, phases: JSON.parse(phases), phasesCodeOnly: JSON.parse(phasesCodeOnly), phasesOnePage: onePagePhases,
}, null, 2) + "\n");
console.log(`\nwrote ${path.join(".bench", "splice.json")}`);
