import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { parsePages } from "../../src/project/parsePages.ts";
import { readPages } from "../../src/project/readPages.ts";
import { formatProblem } from "../../src/records/Problem.ts";

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "exemplar-read-pages-"));
  mkdirSync(path.join(root, "docs"));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

test("a page that is not UTF-8 is refused at its first bad byte, with its path, line and column", async () => {
  // Latin-1 `é` (0xe9) on line 3, after `caf`: read as UTF-8 it would become U+FFFD
  const latin1 = Buffer.concat([Buffer.from("# Title\n\ncaf"), Buffer.from([0xe9]), Buffer.from("\n\n```ts example=k\n```\n")]);
  writeFileSync(path.join(root, "docs", "latin1.md"), latin1);
  writeFileSync(path.join(root, "docs", "utf8.md"), "\ufeff# Café\n");
  const pages = (await readPages(resolveConfig({ docs: "docs" }, root)))!;
  expect(pages.map((page) => page.file)).toEqual(["docs/latin1.md", "docs/utf8.md"]);
  const [latin1Page, utf8Page] = parsePages(pages);
  expect(latin1Page!.found.problems.map(formatProblem)).toEqual([
    "docs/latin1.md:3:4: not UTF-8: byte 0xe9 at offset 12 is no UTF-8 character; VitePress and exemplar read pages as UTF-8 (exemplar would write U+FFFD in its place), so the page is left as is: save it as UTF-8",
  ]);
  // the page keeps its blocks, so that the error is the only thing said about it
  expect(latin1Page!.found.blocks.map((block) => block.key)).toEqual(["k"]);
  expect(utf8Page!.found.problems).toEqual([]);
  expect(utf8Page!.text).toBe("\ufeff# Café\n");
});
