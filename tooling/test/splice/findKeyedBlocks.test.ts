import { expect, test } from "vitest";
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
  // a blockquote written without spaces
  [">```ts example=k\n>```\n", { prefix: ">" }],
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
