// Speed: each page's keyed blocks, found once per text of the page. Why: the docs site splices
// a page again after every save of an example it shows, and the page's own text is the same
// each time; finding its blocks takes 6 to 50 ms on a page remark parses (writing-docs,
// running-examples), next to nothing on one the line scanner takes. Proven by
// `npm run bench:dev-loop`; figures in BENCHMARKS.md.

import type { FoundBlocks } from "../records/KeyedBlock.ts";
import { findKeyedBlocks } from "../splice/findKeyedBlocks.ts";

/**
 * `findKeyedBlocks`, remembering for each page (by `file`) the last text it was given and what
 * it found there: one entry per page, so as many as the site has pages.
 */
export function lastFoundBlocks(): (text: string, file: string) => FoundBlocks {
  const last = new Map<string, { text: string; found: FoundBlocks }>();
  return (text, file) => {
    const known = last.get(file);
    if (known?.text === text) return known.found;
    const found = findKeyedBlocks(text, file);
    last.set(file, { text, found });
    return found;
  };
}
