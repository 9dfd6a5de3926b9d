import { ExemplarError } from "../errors/ExemplarError.ts";
import type { Problem } from "../records/Problem.ts";
import type { Project } from "../records/Project.ts";
import type { Verdict } from "../records/Verdict.ts";
import type { ExampleUsage } from "../records/ExampleUsage.ts";
import { exampleUsages } from "./exampleUsages.ts";
import { findOrphans } from "./findOrphans.ts";
import type { SpliceContext } from "./SpliceContext.ts";
import { splicePage, type SplicedPage } from "./splicePage.ts";

export interface SpliceOptions {
  /** untested snippets and orphan examples are errors rather than warnings */
  strict?: boolean;
}

/** A page of the docs folder, spliced, with where it lives on disk. */
export interface DocsPage extends SplicedPage {
  path: string;
}

export interface Spliced {
  /** every page of the project, in path order; none when the example files have problems */
  pages: DocsPage[];
  /** problems outside the pages: the example files' (then nothing is spliced), orphans with `strict` */
  errors: Problem[];
  warnings: Problem[];
  /** for each example key, the pages and headings where it appears */
  usages: Map<string, ExampleUsage[]>;
}

/**
 * The splice stage: fills every keyed block of the project's pages, `example=KEY` with the
 * example's code and `example-output=KEY` with what it printed in `verdicts` (a block whose
 * example did not run or failed is an error). Pure: it never runs anything and never reads or
 * writes a file (see `writeSplicedPages`). A project opened without its docs folder is an error.
 */
export function splice(project: Project, verdicts: Iterable<Verdict> = [], options: SpliceOptions = {}): Spliced {
  const { pages } = project;
  if (pages === undefined) {
    throw new ExemplarError("EXEMPLAR_DOCS_NOT_FOUND", `docs folder not found: ${project.config.docs} (set \`docs\` in the config or pass --docs DIR)`);
  }
  const spliced: Spliced = { pages: [], errors: [...project.problems], warnings: [], usages: new Map() };
  if (project.problems.length > 0) return spliced;
  const context = spliceContext(project, verdicts);
  const strict = options.strict ?? false;
  spliced.pages = pages.map((page) => ({ path: page.path, ...splicePage(page.file, page.text, context, { strict, found: page.found }) }));
  const blocks = spliced.pages.flatMap((page) => page.blocks);
  (strict ? spliced.errors : spliced.warnings).push(...findOrphans(project.examples, blocks));
  spliced.usages = exampleUsages(blocks);
  return spliced;
}

/** What blocks are filled from: the project's examples, texts and trees, and the verdicts by key. */
export function spliceContext(project: Project, verdicts: Iterable<Verdict> = []): SpliceContext {
  return {
    examples: project.examples,
    sources: new Map(project.sources.map((source) => [source.file, source.text])),
    parsed: project.parsed,
    verdicts: new Map([...verdicts].map((verdict) => [verdict.example.key, verdict])),
  };
}
