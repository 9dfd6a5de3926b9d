import { existsSync } from "node:fs";
import type { CheckReport } from "../checkProject.ts";
import type { ResolvedConfig } from "../config/loadConfig.ts";
import type { Problem } from "../find/Problem.ts";
import type { ExampleUsage } from "./exampleUsages.ts";
import { spliceDocs } from "./spliceDocs.ts";

/** What `exemplar check` finds in the docs folder, beside the examples' verdicts. */
export interface DocsFindings {
  pages: number;
  blocks: number;
  /** keyed blocks that cannot be filled: unknown keys, outputs of failed examples, malformed keys */
  errors: Problem[];
  /** untested snippets and orphan examples */
  warnings: Problem[];
  /** for each example key, the pages and headings where it appears */
  usages: Map<string, ExampleUsage[]>;
}

/**
 * Validates every keyed block of the docs against a run that already happened (no example runs
 * twice). Returns undefined when the docs folder does not exist.
 */
export async function checkDocs(config: ResolvedConfig, report: CheckReport): Promise<DocsFindings | undefined> {
  if (!existsSync(config.docs)) return undefined;
  const spliced = await spliceDocs(config, { run: async () => report });
  return {
    pages: spliced.pages.length,
    blocks: spliced.pages.reduce((total, page) => total + page.blocks.length, 0),
    errors: [...spliced.errors, ...spliced.pages.flatMap((page) => page.errors)],
    warnings: [...spliced.warnings, ...spliced.pages.flatMap((page) => page.warnings)],
    usages: spliced.usages,
  };
}
