import { readFile } from "node:fs/promises";
import { findInvalidUtf8 } from "../files/findInvalidUtf8.ts";
import { writeFileAtomic } from "../files/writeFileAtomic.ts";
import type { DocsPage } from "./splice.ts";

export interface WrittenPages {
  written: string[];
  /** pages that changed but were not written, and why */
  skipped: Array<{ file: string; reason: string }>;
}

/**
 * Writes the pages whose text changed (`writeFileAtomic`: atomically, keeping links, mode and
 * owner). A page with any error is not written, nor is a page whose bytes on disk are not the
 * text it was spliced from: edited since it was read (writing would lose that edit), or not
 * UTF-8 (writing would replace its bad bytes with U+FFFD). A byte order mark is kept.
 */
export async function writeSplicedPages(pages: readonly DocsPage[]): Promise<WrittenPages> {
  const result: WrittenPages = { written: [], skipped: [] };
  for (const page of pages) {
    if (page.errors.length > 0) {
      result.skipped.push({ file: page.file, reason: `not written: ${page.errors.length} error${page.errors.length === 1 ? "" : "s"}` });
      continue;
    }
    if (page.after === page.before) continue;
    const bytes = await readFile(page.path);
    const invalid = findInvalidUtf8(bytes);
    if (invalid !== undefined) {
      result.skipped.push({ file: page.file, reason: `not written: byte 0x${invalid.byte.toString(16).padStart(2, "0")} at offset ${invalid.offset} is not UTF-8 (save the page as UTF-8)` });
      continue;
    }
    if (bytes.toString("utf8") !== page.before) {
      result.skipped.push({ file: page.file, reason: "not written: the page changed on disk while the examples ran" });
      continue;
    }
    await writeFileAtomic(page.path, page.after);
    result.written.push(page.file);
  }
  return result;
}
