/**
 * `npm run bench:dev-loop`: the writer's loop of the project's own docs as a writer sees it.
 * Starts `vitepress dev` on a copy of docs/ and examples/ (the rest of the repository linked
 * in, so that the copy resolves what the real one does; the repository's files are never
 * written), opens Chromium, and measures the cold start (spawn to the first page with a
 * verified block), then for each example file the docs show, a few saves: a comment line
 * `// bench-…` written at the top of a shown example's body, timed from the write to the
 * comment in the page's DOM (the page shows an example's code only from a run that ran it).
 * Counts the runs the server logs per save. Prints min / median / max per file and overall,
 * and writes `.bench/dev-loop.json`. BENCH_SAVES (3) saves per file, BENCH_MINUTES (15) in all,
 * BENCH_FILES (a regex) to time only the example files it matches, BENCH_VERBOSE=1 to print
 * the server's lines.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { loadConfig } from "../src/config/loadConfig.ts";
import { openProject } from "../src/project/openProject.ts";
import type { Example } from "../src/records/Example.ts";
import { freePort } from "../test/vitepress/siteFixture.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const site = path.join(repo, ".bench", "dev-loop-site");
const savesPerFile = Number(process.env.BENCH_SAVES ?? 3);
const deadline = Date.now() + Number(process.env.BENCH_MINUTES ?? 15) * 60_000;
const saveTimeoutMs = 60_000;
// BENCH_FILES=REGEX: only the example files it matches (to look into one file's saves)
const onlyFiles = new RegExp(process.env.BENCH_FILES ?? "");

// the copy: what a save writes is copied, the rest linked
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
for (const entry of readdirSync(repo)) {
  // no result cache: the cold start runs every example, as on a fresh clone
  if ([".git", ".bench", ".exemplar-cache", "docs", "examples", "exemplar.config.ts"].includes(entry)) continue;
  symlinkSync(path.join(repo, entry), path.join(site, entry));
}
const skipped = new Set([path.join(repo, "docs/.vitepress/cache"), path.join(repo, "docs/.vitepress/dist")]);
for (const entry of ["docs", "examples", "exemplar.config.ts"]) {
  cpSync(path.join(repo, entry), path.join(site, entry), { recursive: true, filter: (source) => !skipped.has(source) && !source.includes("node_modules") });
}

// which examples each file shows as code, and on which page
const project = await openProject(await loadConfig(site), { pages: true });
const shownOn = new Map<string, string>();
for (const page of project.pages ?? []) {
  for (const block of page.found.blocks) if (block.kind === "code" && !shownOn.has(block.key)) shownOn.set(block.key, path.relative(path.join(site, "docs"), page.path));
}
const byFile = new Map<string, Example[]>();
for (const example of project.examples) {
  if (!shownOn.has(example.key) || example.skip !== undefined || !onlyFiles.test(example.file)) continue;
  byFile.set(example.file, [...(byFile.get(example.file) ?? []), example]);
}
const url = (page: string) => `http://127.0.0.1:${port}/${page.replace(/\.md$/, ".html").replace(/(^|\/)index\.html$/, "$1")}`;

const port = await freePort();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const started = performance.now();
const server = spawn(process.execPath, [path.join(repo, "node_modules/vitepress/bin/vitepress.js"), "dev", "docs", "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
  cwd: site, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" },
});
const log: string[] = [];
// BENCH_VERBOSE=1 prints the server's lines as they come, with the time since the spawn
const verbose = Boolean(process.env.BENCH_VERBOSE);
for (const stream of [server.stdout, server.stderr]) {
  stream.on("data", (chunk: Buffer) => {
    const lines = chunk.toString().split("\n").filter(Boolean);
    log.push(...lines);
    if (verbose) for (const line of lines) console.log(`${Math.round(performance.now() - started)} ms | ${line}`);
  });
}
// every re-run of the writer's loop logs one line (exemplarVitePlugin's onChange)
const runsLogged = () => log.filter((line) => /exemplar: (re-ran|no example changed)/.test(line)).length;

const rows: { file: string; page: string; ms: number[]; runs: number; saves: number; timedOut: number }[] = [];
let coldStartMs: number | undefined;
try {
  const page = await browser.newPage();
  const firstPage = shownOn.get(project.examples.find((example) => shownOn.has(example.key))!.key)!;
  for (;;) {
    try {
      await page.goto(url(firstPage), { timeout: 5_000 });
      break;
    } catch (error) {
      if (performance.now() - started > 180_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await page.waitForSelector(".exemplar-verified", { timeout: 180_000 });
  coldStartMs = Math.round(performance.now() - started);
  console.log(`cold start to ${firstPage} with a verified block: ${coldStartMs} ms`);

  let fileIndex = 0;
  for (const [file, examples] of byFile) {
    if (Date.now() > deadline) break;
    const absolute = path.join(site, file);
    const original = readFileSync(absolute, "utf8");
    const tokens = new Map<Example, string>();
    const row = { file, page: shownOn.get(examples[0]!.key)!, ms: [] as number[], runs: 0, saves: 0, timedOut: 0 };
    rows.push(row);
    let open = "";
    for (let save = 0; save < savesPerFile && Date.now() < deadline; save++) {
      const example = examples[save % examples.length]!;
      const shown = shownOn.get(example.key)!;
      if (shown !== open) {
        await page.goto(url(shown));
        await page.waitForSelector(".exemplar-verified", { timeout: 60_000 });
        open = shown;
      }
      const token = `bench-${fileIndex}-${save}-${Date.now() % 100_000}`;
      tokens.set(example, token);
      // each save adds its own example's comment and keeps the others': it changes one example
      let text = original;
      for (const [at, comment] of [...tokens].sort(([a], [b]) => b.bodyStart - a.bodyStart)) text = `${text.slice(0, at.bodyStart)}\n  // ${comment}${text.slice(at.bodyStart)}`;
      const before = runsLogged();
      const wrote = performance.now();
      writeFileSync(absolute, text);
      try {
        await page.waitForFunction(`document.querySelector(".vp-doc")?.textContent?.includes(${JSON.stringify(token)})`, undefined, { timeout: saveTimeoutMs, polling: 20 });
        row.ms.push(Math.round(performance.now() - wrote));
      } catch {
        row.timedOut++;
        console.log(`${file}: ${example.key} not shown ${saveTimeoutMs / 1000} s after save ${save}; the server's last lines:\n${log.slice(-8).join("\n")}`);
      }
      // a second run of one save would start right after the first: give it time to show
      await new Promise((resolve) => setTimeout(resolve, 700));
      row.saves++;
      row.runs += runsLogged() - before;
    }
    // the copy is removed at the end: no write back, which would be one more run in the next row
    fileIndex++;
    console.log(`${file.padEnd(40)} ${summary(row.ms)}  saves ${row.saves}, runs ${row.runs}${row.timedOut ? `, ${row.timedOut} not shown in ${saveTimeoutMs / 1000} s` : ""}`);
  }
} catch (error) {
  console.error(`the bench stopped: ${(error as Error).message.split("\n")[0]}\nthe server's last lines:\n${log.slice(-30).join("\n")}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(site, { recursive: true, force: true });
}

const all = rows.flatMap((row) => row.ms);
const saves = rows.reduce((sum, row) => sum + row.saves, 0);
const runs = rows.reduce((sum, row) => sum + row.runs, 0);
console.log(`${"all files".padEnd(40)} ${summary(all)}  saves ${saves}, runs ${runs}`);
const worstMedian = Math.max(...rows.filter((row) => row.ms.length > 0).map((row) => median(row.ms)));
console.log(`cold start ${coldStartMs} ms (target <= 15000); worst median of a file ${worstMedian} ms (target <= 1000)`);
mkdirSync(path.join(repo, ".bench"), { recursive: true });
writeFileSync(path.join(repo, ".bench", "dev-loop.json"), `${JSON.stringify({ coldStartMs, saves, runs, overall: stats(all), worstMedian, files: rows.map((row) => ({ ...row, ...stats(row.ms) })) }, null, 2)}\n`);
if (existsSync(site)) console.warn(`could not remove ${site}`);

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}
function stats(values: number[]) {
  return values.length === 0 ? {} : { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}
function summary(values: number[]) {
  const { min, median: middle, max } = stats(values);
  return values.length === 0 ? "no save shown" : `${min} / ${middle} / ${max} ms`.padEnd(24);
}
