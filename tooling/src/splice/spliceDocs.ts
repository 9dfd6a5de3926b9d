import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Verdict } from "../check/Verdict.ts";
import { checkProject, type CheckOptions, type CheckReport } from "../checkProject.ts";
import type { ResolvedConfig } from "../config/loadConfig.ts";
import { ExemplarError } from "../errors/ExemplarError.ts";
import { readExampleFiles } from "../files/readExampleFiles.ts";
import { findExamples, type FoundExamples, type SourceText } from "../find/findExamples.ts";
import type { Problem } from "../find/Problem.ts";
import { exampleUsages, type ExampleUsage } from "./exampleUsages.ts";
import { findKeyedBlocks, type FoundBlocks } from "./findKeyedBlocks.ts";
import { findOrphans } from "./findOrphans.ts";
import { mentionedOutputKeys } from "./mentionedOutputKeys.ts";
import type { SpliceContext } from "./resolveBlock.ts";
import { splicePage, type SplicedPage } from "./splicePage.ts";

export interface SpliceDocsOptions {
  /** untested snippets and orphan examples are errors rather than warnings */
  strict?: boolean;
  /**
   * runs the examples for `example-output` blocks; `checkProject` unless a test passes its own.
   * It starts before the examples are found and the pages parsed, with the example files read
   * (`options.sources`) and a `find` it shares with the splice; `options.select` picks the examples that output blocks may show (every
   * `example-output=KEY` word of the pages' texts): only those run.
   */
  run?: (config: ResolvedConfig, options: Pick<CheckOptions, "select" | "sources" | "find">) => Promise<Pick<CheckReport, "problems" | "verdicts">>;
}

/** A page of the docs folder, spliced, with where it lives on disk. */
export interface DocsPage extends SplicedPage {
  path: string;
}

export interface SpliceReport {
  /** every Markdown page of the docs folder, in path order */
  pages: DocsPage[];
  /** problems outside the pages (example files that do not parse, orphans with `strict`): nothing is spliced on the first kind */
  errors: Problem[];
  warnings: Problem[];
  /** whether the examples ran, for `example-output` blocks */
  ran: boolean;
  usages: Map<string, ExampleUsage[]>;
  /** milliseconds spent in each phase: read (examples and pages), find (examples), parse (pages), run, splice */
  timings: Record<string, number>;
}

/**
 * Splices every Markdown page of `config.docs` in memory: reads the examples, runs those whose
 * output the pages may show (named by an `example-output=KEY` word; none when no page names
 * one) while it parses the pages, and returns each page's text before and after with its
 * findings. Writes nothing: the caller decides (see `writeSplicedPages`).
 */
export async function spliceDocs(config: ResolvedConfig, options: SpliceDocsOptions = {}): Promise<SpliceReport> {
  const timings: Record<string, number> = {};
  let since = performance.now();
  const mark = (phase: string) => {
    const now = performance.now();
    timings[phase] = Math.round((timings[phase] ?? 0) + now - since);
    since = now;
  };
  const sources = await readExampleFiles(config.root, config.examples);
  const pages = await readPages(config);
  mark("read");
  // the examples run in worker processes while this process finds the examples and parses the
  // pages: a scan of the texts names every example an output block can show, and perhaps a few
  // that prose mentions. The run gets the files read here, so that when they have problems it
  // finds the same ones and runs nothing.
  const mentioned = mentionedOutputKeys(pages.map((page) => page.text));
  // the run and the splice share one find: parsing the files is most of its cost
  let foundOnce: FoundExamples | undefined;
  const find = (files: readonly SourceText[]) => (foundOnce ??= findExamples(files));
  const running = mentioned.size === 0
    ? undefined
    : (options.run ?? checkProject)(config, { sources, find, select: (example) => mentioned.has(example.key) });
  // awaited below in every case; this keeps a failure meanwhile from counting as unhandled
  running?.catch(() => undefined);
  const found = find(sources);
  mark("find");
  const report: SpliceReport = { pages: [], errors: [...found.problems], warnings: [], ran: false, usages: new Map(), timings };
  if (found.problems.length > 0) {
    await running?.catch(() => undefined);
    return report;
  }

  const foundBlocks = await findPagesBlocks(pages);
  mark("parse");
  const context: { -readonly [K in keyof SpliceContext]: SpliceContext[K] } = {
    examples: found.examples,
    sources: new Map(sources.map((source) => [source.file, source.text])),
    parsed: found.sourceFiles,
  };
  const shown = foundBlocks.some(({ blocks }) => blocks.some((block) => block.kind === "output"));
  if (running !== undefined && shown) {
    const run = await running;
    report.ran = true;
    report.errors.push(...run.problems);
    context.verdicts = new Map<string, Verdict>(run.verdicts.map((verdict) => [verdict.example.key, verdict]));
    mark("run");
  } else if (running !== undefined) {
    // only prose mentioned an output: nothing shows what the run printed, nor how it failed
    await running.catch(() => undefined);
    mark("run");
  }
  report.pages = pages.map((page, index) => ({
    path: page.path,
    ...splicePage(page.file, page.text, context, { strict: options.strict ?? false, found: foundBlocks[index]! }),
  }));
  const blocks = report.pages.flatMap((page) => page.blocks);
  (options.strict ? report.errors : report.warnings).push(...findOrphans(found.examples, blocks));
  report.usages = exampleUsages(blocks);
  mark("splice");
  return report;
}

/** The blocks of each page, in order, letting a run started before take its turns meanwhile. */
async function findPagesBlocks(pages: ReadonlyArray<{ file: string; text: string }>): Promise<FoundBlocks[]> {
  const found: FoundBlocks[] = [];
  for (const page of pages) {
    // the run reads, finds and starts its workers on this thread: without a turn now and then,
    // it would wait for the last page
    if (found.length % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
    found.push(findKeyedBlocks(page.text, page.file));
  }
  return found;
}

async function readPages(config: ResolvedConfig) {
  if (!existsSync(config.docs)) {
    throw new ExemplarError("EXEMPLAR_DOCS_NOT_FOUND", `docs folder not found: ${config.docs} (set \`docs\` in the config or pass --docs DIR)`);
  }
  // dot folders are skipped: `.vitepress/cache` and `dist` hold built copies of the pages
  const matched = await glob("**/*.md", { cwd: config.docs, ignore: ["**/node_modules/**"] });
  const absolute = matched.map((file) => path.join(config.docs, file)).sort();
  // one by one and synchronously: a thousand small pages read in 10 ms this way, and in 50 to
  // 90 ms through a thousand promises queued on libuv's four threads
  return absolute.map((file) => ({
    path: file,
    file: path.relative(config.root, file).split(path.sep).join("/"),
    text: readFileSync(file, "utf8"),
  }));
}
