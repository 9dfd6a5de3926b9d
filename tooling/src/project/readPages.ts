import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import type { ResolvedConfig } from "../config/loadConfig.ts";
import { findInvalidUtf8 } from "../files/findInvalidUtf8.ts";
import { relativeTo } from "../files/relativeTo.ts";
import type { Problem } from "../records/Problem.ts";

/** A page as read from disk, before its blocks are found. */
export interface PageText {
  path: string;
  file: string;
  text: string;
  /** what is wrong with the page's bytes (not UTF-8): errors of the page, which is then never written */
  problems?: Problem[];
}

/**
 * Reads every Markdown page of `config.docs`, in path order; undefined when the folder does not
 * exist. Dot folders are skipped: `.vitepress/cache` and `dist` hold built copies of the pages.
 * Pages are UTF-8, as VitePress reads them (a byte order mark is kept in `text`, and written
 * back): a page with bytes that are not has a problem at the first one, since splicing would
 * write U+FFFD in their place.
 */
export async function readPages(config: ResolvedConfig): Promise<PageText[] | undefined> {
  if (!existsSync(config.docs)) return undefined;
  const matched = await glob("**/*.md", { cwd: config.docs, ignore: ["**/node_modules/**"] });
  const absolute = matched.map((file) => path.join(config.docs, file)).sort();
  // one by one and synchronously: many small files read faster so than through a promise each
  // on libuv's four threads (bench:splice)
  return absolute.map((file) => readPage(file, relativeTo(config.root, file)));
}

function readPage(absolute: string, file: string): PageText {
  const bytes = readFileSync(absolute);
  const page: PageText = { path: absolute, file, text: bytes.toString("utf8") };
  const invalid = findInvalidUtf8(bytes);
  if (invalid !== undefined) {
    page.problems = [{
      file, line: invalid.line, column: invalid.column,
      message: `not UTF-8: byte 0x${invalid.byte.toString(16).padStart(2, "0")} at offset ${invalid.offset} is no UTF-8 character; VitePress and exemplar read pages as UTF-8 (exemplar would write U+FFFD in its place), so the page is left as is: save it as UTF-8`,
    }];
  }
  return page;
}
