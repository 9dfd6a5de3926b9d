import type { Page } from "../records/Project.ts";
import { findKeyedBlocks } from "../splice/findKeyedBlocks.ts";
import type { PageText } from "./readPages.ts";

/** Each page with its keyed blocks, untested snippets and malformed keys found (and what its reading found wrong). Pure. */
export function parsePages(pages: readonly PageText[]): Page[] {
  return pages.map((page) => {
    const found = findKeyedBlocks(page.text, page.file);
    if (page.problems !== undefined) found.problems.unshift(...page.problems);
    return { ...page, found };
  });
}
