import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../files/writeFileAtomic.ts";
import type { DocsPage } from "./splice.ts";

export interface WrittenPages {
  written: string[];
  /** pages that changed but were not written, and why */
  skipped: Array<{ file: string; reason: string }>;
}

/**
 * Writes the pages whose text changed, atomically. A page with any error is not written, nor is
 * a page edited on disk since it was read (writing would lose that edit).
 */
export async function writeSplicedPages(pages: readonly DocsPage[]): Promise<WrittenPages> {
  const result: WrittenPages = { written: [], skipped: [] };
  for (const page of pages) {
    if (page.errors.length > 0) {
      result.skipped.push({ file: page.file, reason: `not written: ${page.errors.length} error${page.errors.length === 1 ? "" : "s"}` });
      continue;
    }
    if (page.after === page.before) continue;
    if ((await readFile(page.path, "utf8")) !== page.before) {
      result.skipped.push({ file: page.file, reason: "not written: the page changed on disk while the examples ran" });
      continue;
    }
    await writeFileAtomic(page.path, page.after);
    result.written.push(page.file);
  }
  return result;
}
