import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { DocsPage } from "../../src/splice/splice.ts";
import { writeSplicedPages } from "../../src/splice/writeSplicedPages.ts";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "exemplar-write-pages-"));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A page on disk holding `before`, spliced to `after`. */
function page(name: string, before: string, after: string, errors = 0): DocsPage {
  writeFileSync(path.join(dir, name), before);
  return {
    file: `docs/${name}`, path: path.join(dir, name), before, after, blocks: [], warnings: [],
    errors: Array.from({ length: errors }, () => ({ file: `docs/${name}`, line: 1, message: "bad" })),
  };
}

test("writes changed pages only, never a page with errors or one edited since it was read", async () => {
  const pages = [
    page("changed.md", "old\r\n", "new\r\n"),
    page("same.md", "same\n", "same\n"),
    page("broken.md", "old\n", "new\n", 2),
    page("edited.md", "old\n", "new\n"),
  ];
  writeFileSync(path.join(dir, "edited.md"), "edited by the writer\n");
  expect(await writeSplicedPages(pages)).toEqual({
    written: ["docs/changed.md"],
    skipped: [
      { file: "docs/broken.md", reason: "not written: 2 errors" },
      { file: "docs/edited.md", reason: "not written: the page changed on disk while the examples ran" },
    ],
  });
  expect(readFileSync(path.join(dir, "changed.md"), "utf8")).toBe("new\r\n");
  expect(readFileSync(path.join(dir, "broken.md"), "utf8")).toBe("old\n");
  expect(readFileSync(path.join(dir, "edited.md"), "utf8")).toBe("edited by the writer\n");
  // the atomic write leaves no temporary file behind
  expect(readdirSync(dir).sort()).toEqual(["broken.md", "changed.md", "edited.md", "same.md"]);
});

test("a page whose bytes on disk are not UTF-8 is not written (the text read lost them); a byte order mark is kept", async () => {
  // read as UTF-8, the Latin-1 `é` became U+FFFD: writing the spliced text would lose the byte
  const latin1 = page("latin1.md", "caf\ufffd\nold\n", "caf\ufffd\nnew\n");
  writeFileSync(latin1.path, Buffer.concat([Buffer.from("caf"), Buffer.from([0xe9]), Buffer.from("\nold\n")]));
  const bom = page("bom.md", "\ufeffold\n", "\ufeffnew\n");
  expect(await writeSplicedPages([latin1, bom])).toEqual({
    written: ["docs/bom.md"],
    skipped: [{ file: "docs/latin1.md", reason: "not written: byte 0xe9 at offset 3 is not UTF-8 (save the page as UTF-8)" }],
  });
  expect(readFileSync(latin1.path)).toEqual(Buffer.concat([Buffer.from("caf"), Buffer.from([0xe9]), Buffer.from("\nold\n")]));
  expect(readFileSync(bom.path)).toEqual(Buffer.from("\ufeffnew\n"));
});
