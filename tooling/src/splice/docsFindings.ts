import type { DocsFindings } from "../records/CheckReport.ts";
import type { Spliced } from "./splice.ts";

/** What a splice found in the docs, counted for `exemplar check`'s report. Pure. */
export function docsFindings(spliced: Spliced): DocsFindings {
  return {
    pages: spliced.pages.length,
    blocks: spliced.pages.reduce((total, page) => total + page.blocks.length, 0),
    errors: [...spliced.errors, ...spliced.pages.flatMap((page) => page.errors)],
    warnings: [...spliced.warnings, ...spliced.pages.flatMap((page) => page.warnings)],
    usages: spliced.usages,
  };
}
