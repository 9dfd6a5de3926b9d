import { expect, test } from "vitest";
import { docsFindings } from "../../src/splice/docsFindings.ts";
import type { Spliced } from "../../src/splice/splice.ts";

const problem = (file: string, message: string) => ({ file, line: 1, message });

test("counts pages and blocks and gathers the errors and warnings of the splice and of each page", () => {
  const block = { key: "a.one", kind: "code" } as Spliced["pages"][number]["blocks"][number];
  const spliced: Spliced = {
    pages: [
      { path: "/p/docs/a.md", file: "docs/a.md", before: "", after: "", blocks: [block, block], errors: [problem("docs/a.md", "unknown key")], warnings: [] },
      { path: "/p/docs/b.md", file: "docs/b.md", before: "", after: "", blocks: [block], errors: [], warnings: [problem("docs/b.md", "untested snippet")] },
    ],
    errors: [],
    warnings: [problem("examples/a.ts", "not shown on any page")],
    usages: new Map(),
  };
  expect(docsFindings(spliced)).toEqual({
    pages: 2,
    blocks: 3,
    errors: [problem("docs/a.md", "unknown key")],
    warnings: [problem("examples/a.ts", "not shown on any page"), problem("docs/b.md", "untested snippet")],
    usages: spliced.usages,
  });
});
