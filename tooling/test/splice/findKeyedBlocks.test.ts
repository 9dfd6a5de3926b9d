import { describe, expect, test } from "vitest";
import { formatProblem } from "../../src/records/Problem.ts";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";

test("a keyed block records its place, key, fence, info and offsets", () => {
  const text = "# Title\n\n```ts example=a.b {2} [x.ts]\nold\n```\n";
  const { blocks, snippets, problems } = findKeyedBlocks(text, "docs/a.md");
  expect(problems).toEqual([]);
  expect(snippets).toEqual([]);
  expect(blocks).toEqual([{
    file: "docs/a.md", line: 3, endLine: 5, key: "a.b", kind: "code", full: false,
    fence: "```", info: "ts example=a.b {2} [x.ts]",
    fenceStart: 9, fenceEnd: 12, contentStart: 38, contentEnd: 42, closeStart: 42, closeEnd: 45,
    prefix: "", eol: "\n", heading: "Title",
  }]);
  const block = blocks[0]!;
  expect(text.slice(block.contentStart, block.contentEnd)).toBe("old\n");
  expect(text.slice(block.closeStart, block.closeEnd)).toBe("```");
});

test.each([
  // top level
  ["```ts example=k\n```\n", { prefix: "", eol: "\n", fence: "```" }],
  // CRLF: the info string has no `\r`
  ["```ts example=k\r\nx\r\n```\r\n", { prefix: "", eol: "\r\n", fence: "```", info: "ts example=k" }],
  // a list item: the continuation indent
  ["- item\n\n  ```ts example=k\n  ```\n", { prefix: "  " }],
  // a fence on the list item's first line
  ["1. ```ts example=k\n   ```\n", { prefix: "   " }],
  // a blockquote
  ["> ```ts example=k\n> ```\n", { prefix: "> " }],
  // a blockquote written without spaces: content lines get `> `, or `>  x` would lose a space
  [">```ts example=k\n>```\n", { prefix: "> " }],
  // the opening line decides, whatever the closing line's prefix: `> ` here, `>` there
  ["> ```ts example=k\n>```\n", { prefix: "> " }],
  // a closing fence indented 2 at top level: content lines are not indented
  ["```ts example=k\n  ```\n", { prefix: "" }],
  // a list item's fence at 4 spaces (indented 2 in the item) closed at 2: the 4 spaces
  ["- x\n\n    ```ts example=k\n  ```\n", { prefix: "    " }],
  // an ordered list item in a quote, the fence on the item's first line
  ["> 10) ```ts example=k\n>     ```\n", { prefix: ">     " }],
  // a list in a blockquote
  ["> - ```ts example=k\n>   ```\n", { prefix: ">   " }],
  // a content line indented 4 spaces cannot close the block; empty blocks with one blank line
  ["```ts example=k\n    ```\n```\n", { prefix: "" }],
  ["```ts example=k\n\n```\n", { prefix: "" }],
  // tildes, longer fences and trailing spaces after the closing fence
  ["~~~~ts example-output=k\n~~~~~   \n", { fence: "~~~~", kind: "output" }],
])("%j", (text, expected) => {
  const { blocks, problems } = findKeyedBlocks(text, "docs/a.md");
  expect(problems).toEqual([]);
  expect(blocks).toHaveLength(1);
  expect(blocks[0]).toMatchObject({ key: "k", ...expected });
});

test("CR-only line endings: no false unterminated fence, and the block's line ending is `\\r`", () => {
  const text = "# Title\r\r```ts example=k\rold\r```\r\rafter\r";
  const { blocks, problems } = findKeyedBlocks(text, "docs/a.md");
  expect(problems).toEqual([]);
  expect(blocks).toMatchObject([{ key: "k", line: 3, endLine: 5, eol: "\r", info: "ts example=k", heading: "Title" }]);
  expect(text.slice(blocks[0]!.contentStart, blocks[0]!.contentEnd)).toBe("old\r");
  expect(text.slice(blocks[0]!.closeStart, blocks[0]!.closeEnd)).toBe("```");
});

test("a page starting with a byte order mark: its blocks are found, at offsets into the text with the mark", () => {
  const text = "\ufeff# Title\n\n```ts example=k\nold\n```\n";
  const { blocks, problems } = findKeyedBlocks(text, "docs/a.md");
  expect(problems).toEqual([]);
  expect(blocks).toMatchObject([{ key: "k", line: 3, fenceStart: 10, heading: "Title" }]);
  expect(text.slice(blocks[0]!.contentStart, blocks[0]!.contentEnd)).toBe("old\n");
  expect(findKeyedBlocks("\ufeff```ts example=k\n```\n", "docs/a.md").blocks).toMatchObject([{ line: 1, fenceStart: 1, prefix: "" }]);
  // a problem on the first line: the mark takes no column
  expect(findKeyedBlocks("\ufeff```ts example=\n```\n", "docs/a.md").problems.map(formatProblem)).toEqual([
    "docs/a.md:1:1: `example=` needs a key: expected `example=KEY` or `example-output=KEY` with a key of lowercase letters, digits, `.`, `-` and `/`",
  ]);
});

describe("front matter is what VitePress's reader (gray-matter) says it is, and never Markdown", () => {
  test.each([
    // a byte order mark before the front matter
    ["\ufeff---\ntitle: x\n---\n\n```ts example=k\n```\n", 5],
    // a fence inside a YAML block string does not swallow the body
    ["---\ndescription: |\n  ```ts\n  x\n---\n\n```ts example=k\n```\n", 7],
    // nor does an html comment, opened in a block string or a multi-line quoted string
    ["---\nhead: |\n  <!--\n---\n\n```ts example=k\n```\n", 6],
    ["---\nhead: \"a\n<!-- b\"\n---\n\n```ts example=k\n```\n", 6],
    // a language after the opening delimiter
    ["---yaml\ntitle: x\n---\n```ts example=k\n```\n", 4],
    // `----` opens no front matter: the page is all Markdown
    ["----\n\n```ts example=k\n```\n", 3],
    // CRLF
    ["---\r\ntitle: x\r\n---\r\n\r\n```ts example=k\r\n```\r\n", 5],
  ])("%j: the body's block at line %i", (text, line) => {
    const { blocks, problems } = findKeyedBlocks(text, "docs/a.md");
    expect(problems).toEqual([]);
    expect(blocks.map((block) => [block.key, block.line])).toEqual([["k", line]]);
    expect(text.slice(blocks[0]!.fenceStart, blocks[0]!.fenceEnd)).toBe("```");
  });

  test("a keyed fence inside front matter is no block", () => {
    const text = "---\nexample: |\n  ```ts example=k\n  ```\n---\n\n# Title\n";
    expect(findKeyedBlocks(text, "docs/a.md")).toEqual({ blocks: [], snippets: [], problems: [] });
  });

  test("front matter that is never closed is the whole page to VitePress: a problem, not blocks", () => {
    const text = "---\ntitle: x\n\n```ts example=k\n```\n";
    expect(findKeyedBlocks(text, "docs/a.md")).toEqual({
      blocks: [],
      snippets: [],
      problems: [{
        file: "docs/a.md", line: 1, column: 1,
        message: "front matter opened by `---` is never closed: VitePress reads the whole page as front matter and shows none of it; close it with a line `---`",
      }],
    });
  });
});

test("a page without a fence has nothing to find, whatever else it holds", () => {
  // such pages skip the parse: code spans, indented code and HTML hold no keyed block
  const text = "# Title\n\nSome `code` and ``more``.\n\n    indented example=k\n\n<pre>\nts example=k\n</pre>\n";
  expect(findKeyedBlocks(text, "docs/a.md")).toEqual({ blocks: [], snippets: [], problems: [] });
});

test("the heading is the nearest one above, as text; front matter is not a heading", () => {
  const text = "---\ntitle: x\n---\n\n```ts example=a\n```\n\n## Use *the* `registry`\n\n> ```ts example=b\n> ```\n";
  expect(findKeyedBlocks(text, "docs/a.md").blocks.map((block) => [block.key, block.heading])).toEqual([["a", undefined], ["b", "Use the registry"]]);
});

test.each([
  // untested snippets, by language
  ["```ts\nx\n```\n", ["docs/a.md:1:1: untested `ts` snippet: add `example=KEY` to show a tested example, or `static` to keep it as is"]],
  ["- ```javascript {1}\n  x\n  ```\n", ["docs/a.md:1:3: untested `javascript` snippet: add `example=KEY` to show a tested example, or `static` to keep it as is"]],
  // the opt-out, other languages, indented code and blocks with no language are fine
  ["```ts static\nx\n```\n\n```sh\nls\n```\n\n    indented\n\n```\nplain\n```\n", []],
])("snippets in %j", (text, expected) => {
  expect(findKeyedBlocks(text, "docs/a.md").snippets.map(formatProblem)).toEqual(expected);
});

test.each([
  // unterminated at the end of the document, keyed or not: it swallows everything after it
  ["```ts example=k\nx\n", "docs/a.md:1:1: unterminated code fence `" + "```" + "`: it runs to the end of the document; close it with a line `" + "```" + "`"],
  ["text\n\n~~~~\nx\n~~~\n", "docs/a.md:3:1: unterminated code fence `~~~~`: it runs to the end of the document; close it with a line `~~~~`"],
  // a fence opened on the last line
  ["```ts example=k", "docs/a.md:1:1: unterminated code fence `" + "```" + "`: it runs to the end of the document; close it with a line `" + "```" + "`"],
  // a last line that looks like a fence but is indented 4 spaces is code, not a closing fence
  ["```ts example=k\nx\n    ```", "docs/a.md:1:1: unterminated code fence `" + "```" + "`: it runs to the end of the document; close it with a line `" + "```" + "`"],
  // ended by its list item
  ["- ```ts example=k\n  x\n\nnot in the list\n", "docs/a.md:1:3: unterminated code fence `" + "```" + "`: it runs to the end of the list item or blockquote; close it with a line `" + "```" + "`"],
])("unterminated %j", (text, message) => {
  const found = findKeyedBlocks(text, "docs/a.md");
  expect(found.problems.map(formatProblem)).toEqual([message]);
  expect(found.blocks).toEqual([]);
});

test("malformed keys are problems at the fence and the block is not spliced", () => {
  const found = findKeyedBlocks("```ts example=\n```\n", "docs/a.md");
  expect(found.problems.map(formatProblem)).toEqual([
    "docs/a.md:1:1: `example=` needs a key: expected `example=KEY` or `example-output=KEY` with a key of lowercase letters, digits, `.`, `-` and `/`",
  ]);
  expect(found.blocks).toEqual([]);
  expect(found.snippets).toEqual([]);
});

describe("inputs that make a full remark parse quadratic are read in linear time", () => {
  // an indented fence sends the page to remark; 200 KB of emphasis-like or link-like runs took
  // remark minutes (`*a_ `) or tens of seconds (`[a](`), all of it in inline parsing, which
  // decides nothing about where blocks are
  test.each(["*a_ ", "[a](", "<a ", "`a` ``", "![a]["])("200 KB of %j", { timeout: 10_000 }, (run) => {
    const text = `# Title *with* [markup](x)\n\n${run.repeat(Math.ceil(200_000 / run.length))}\n\n  \`\`\`ts example=k\n  old\n  \`\`\`\n\n## After ${run.repeat(200)}\n\n\`\`\`ts example=j\n\`\`\`\n`;
    const found = findKeyedBlocks(text, "docs/a.md");
    expect(found.problems).toEqual([]);
    expect(found.blocks.map((block) => [block.key, block.line])).toEqual([["k", 5], ["j", 11]]);
    expect(found.blocks[0]!.heading).toBe("Title with markup");
    expect(found.blocks[1]!.heading).toMatch(/^After /);
  });
});

describe("shapes on which remark's block parser is slow beyond bounds are refused before it", () => {
  // remark took 12 s, 15 s, 27.7 s and 2.3 s on these (the timeout leaves today's parse time to
  // fail); refused, the page has one problem at its line, saying that its blocks are not checked
  const fence = "\n\n```ts example=k\n```\n";
  const lazy = /^docs\/a\.md:2:1: a paragraph in a block quote or list item goes on here for 19500 lines without the `>` or indentation of its container \(lazy continuation lines\); .* so exemplar does not read this page and cannot check its blocks \(VitePress may still render it\): put the `>` or indentation on each of those lines, or end the paragraph with a blank line$/;
  const deep = (depth: number, line: number) => new RegExp(`^docs/a\\.md:${line}:1: this line is nested ${depth} block quotes and list items deep; .* cannot check its blocks \\(VitePress may still render it\\): nest at most 50 deep$`);
  test.each([
    // 39 KB of paragraph lines inside a block quote without their own `>`
    ["a quote's lazy lines", `> a\n${"b\n".repeat(19_500)}`, lazy],
    // the same inside a list item, without its indentation
    ["a list item's lazy lines", `- a\n${"b\n".repeat(19_500)}`, lazy],
    ["50,000 nested `>`", `${">".repeat(50_000)} a`, deep(50_000, 1)],
    // each line indented into the item before it
    ["400 nested list levels", Array.from({ length: 400 }, (_, i) => `${" ".repeat(2 * i)}- a`).join("\n"), deep(51, 51)],
  ])("%s", { timeout: 20_000 }, (_, text, message) => {
    const found = findKeyedBlocks(`${text}${fence}`, "docs/a.md");
    expect(found.problems.map(formatProblem)).toEqual([expect.stringMatching(message)]);
    expect(found.blocks).toEqual([]);
  });

  test.each([
    // within the bounds, such pages are read: the block after them is found
    ["900 lazy lines", `> a\n${"b\n".repeat(900)}`, 904],
    ["50 nested `>`", `${">".repeat(50)} a`, 3],
    ["50 nested list levels", Array.from({ length: 50 }, (_, i) => `${" ".repeat(2 * i)}- a`).join("\n"), 52],
  ])("%s", { timeout: 20_000 }, (_, text, line) => {
    const found = findKeyedBlocks(`${text}${fence}`, "docs/a.md");
    expect(found.problems).toEqual([]);
    expect(found.blocks.map((block) => [block.key, block.line])).toEqual([["k", line]]);
  });
});
