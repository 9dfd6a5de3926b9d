import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Verdict } from "../check/Verdict.ts";
import { checkProject, type CheckReport } from "../checkProject.ts";
import type { ResolvedConfig } from "../config/loadConfig.ts";
import { ExemplarError } from "../errors/ExemplarError.ts";
import { readExampleFiles } from "../files/readExampleFiles.ts";
import { findExamples } from "../find/findExamples.ts";
import type { Problem } from "../find/Problem.ts";
import { exampleUsages, type ExampleUsage } from "./exampleUsages.ts";
import { findKeyedBlocks } from "./findKeyedBlocks.ts";
import { findOrphans } from "./findOrphans.ts";
import type { SpliceContext } from "./resolveBlock.ts";
import { splicePage, type SplicedPage } from "./splicePage.ts";

export interface SpliceDocsOptions {
  /** untested snippets and orphan examples are errors rather than warnings */
  strict?: boolean;
  /** runs the examples for `example-output` blocks; `checkProject` unless a test passes its own */
  run?: (config: ResolvedConfig) => Promise<Pick<CheckReport, "problems" | "verdicts">>;
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
}

/**
 * Splices every Markdown page of `config.docs` in memory: reads the examples, runs them only
 * when some page shows an output, and returns each page's text before and after with its
 * findings. Writes nothing: the caller decides (see `writeSplicedPages`).
 */
export async function spliceDocs(config: ResolvedConfig, options: SpliceDocsOptions = {}): Promise<SpliceReport> {
  const sources = await readExampleFiles(config.root, config.examples);
  const found = findExamples(sources);
  const report: SpliceReport = { pages: [], errors: [...found.problems], warnings: [], ran: false, usages: new Map() };
  if (found.problems.length > 0) return report;

  const pages = await readPages(config);
  const foundBlocks = pages.map((page) => findKeyedBlocks(page.text, page.file));
  const context: { -readonly [K in keyof SpliceContext]: SpliceContext[K] } = {
    examples: found.examples,
    sources: new Map(sources.map((source) => [source.file, source.text])),
  };
  if (foundBlocks.some((blocks) => blocks.blocks.some((block) => block.kind === "output"))) {
    const run = await (options.run ?? checkProject)(config);
    report.ran = true;
    report.errors.push(...run.problems);
    context.verdicts = new Map<string, Verdict>(run.verdicts.map((verdict) => [verdict.example.key, verdict]));
  }
  report.pages = pages.map((page, index) => ({
    path: page.path,
    ...splicePage(page.file, page.text, context, { strict: options.strict ?? false, found: foundBlocks[index]! }),
  }));
  const blocks = report.pages.flatMap((page) => page.blocks);
  (options.strict ? report.errors : report.warnings).push(...findOrphans(found.examples, blocks));
  report.usages = exampleUsages(blocks);
  return report;
}

async function readPages(config: ResolvedConfig) {
  if (!existsSync(config.docs)) {
    throw new ExemplarError("EXEMPLAR_DOCS_NOT_FOUND", `docs folder not found: ${config.docs} (set \`docs\` in the config or pass --docs DIR)`);
  }
  // dot folders are skipped: `.vitepress/cache` and `dist` hold built copies of the pages
  const matched = await glob("**/*.md", { cwd: config.docs, ignore: ["**/node_modules/**"] });
  const absolute = matched.map((file) => path.join(config.docs, file)).sort();
  return Promise.all(absolute.map(async (file) => ({
    path: file,
    file: path.relative(config.root, file).split(path.sep).join("/"),
    text: await readFile(file, "utf8"),
  })));
}
