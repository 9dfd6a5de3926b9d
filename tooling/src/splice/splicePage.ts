import type { Problem } from "../records/Problem.ts";
import type { FoundBlocks, KeyedBlock } from "../records/KeyedBlock.ts";
import { findKeyedBlocks } from "./findKeyedBlocks.ts";
import { resolveBlock } from "./resolveBlock.ts";
import type { SpliceContext } from "./SpliceContext.ts";
import { spliceMarkdown } from "./spliceMarkdown.ts";

export interface SplicePageOptions {
  /** untested snippets are errors rather than warnings */
  strict?: boolean;
  /** the page's blocks, when the caller has found them already */
  found?: FoundBlocks;
}

/** One page, spliced in memory. */
export interface SplicedPage {
  /** the page relative to the project root, as in messages */
  file: string;
  before: string;
  /** the spliced text; equal to `before` when the page has errors, so it is never half-written */
  after: string;
  blocks: KeyedBlock[];
  errors: Problem[];
  warnings: Problem[];
}

/**
 * Splices one page: finds its blocks, fills them from `context`, and sorts what went wrong into
 * errors (malformed keys, unterminated fences, unknown keys, failed examples) and warnings
 * (untested snippets, errors with `strict`). An output block keeps the text the page shows when
 * it differs from this run's output only in `{...}` spans (`keepShownOutput`), so a committed
 * page whose example prints ids or durations is not stale on every run. Pure; a docs-site
 * plugin can call it per page.
 */
export function splicePage(file: string, text: string, context: SpliceContext, options: SplicePageOptions = {}): SplicedPage {
  const found = options.found ?? findKeyedBlocks(text, file);
  const spliced = spliceMarkdown(text, found.blocks, (block) => resolveBlock(block, context, text));
  const errors = [...found.problems, ...spliced.problems, ...(options.strict ? found.snippets : [])];
  errors.sort((a, b) => a.line - b.line);
  return {
    file,
    before: text,
    after: errors.length > 0 ? text : spliced.text,
    blocks: found.blocks,
    errors,
    warnings: options.strict ? [] : found.snippets,
  };
}
