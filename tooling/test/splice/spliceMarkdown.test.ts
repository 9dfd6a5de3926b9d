import type { Code, Nodes } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, test } from "vitest";
import { formatProblem } from "../../src/records/Problem.ts";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";
import { spliceMarkdown, type BlockContent } from "../../src/splice/spliceMarkdown.ts";

/** Splices `text` with a fixed content per key. */
function splice(text: string, contents: Record<string, BlockContent>) {
  const { blocks } = findKeyedBlocks(text, "docs/a.md");
  const result = spliceMarkdown(text, blocks, (block) => contents[block.key] ?? { problem: `no content for ${block.key}` });
  return { text: result.text, problems: result.problems.map(formatProblem) };
}

test.each([
  // content replaced, the bytes around it untouched
  ["a  \n```ts example=k {1}\nold\n```\n*b*\n", { k: { text: "new();" } }, "a  \n```ts example=k {1}\nnew();\n```\n*b*\n"],
  // an empty block filled; a trailing newline in the content adds no line
  ["```text example-output=k\n```", { k: { text: "x\ny\n" } }, "```text example-output=k\nx\ny\n```"],
  // empty content empties the block
  ["```ts example=k\nold\n```\n", { k: { text: "" } }, "```ts example=k\n```\n"],
  // CRLF pages get CRLF lines, whatever the content's line endings
  ["```ts example=k\r\n```\r\n", { k: { text: "a\r\nb\n" } }, "```ts example=k\r\na\r\nb\r\n```\r\n"],
  // the container prefix on every line, blank lines without trailing spaces
  ["> ```ts example=k\n> ```\n", { k: { text: "a\n\nb" } }, "> ```ts example=k\n> a\n>\n> b\n> ```\n"],
  ["- x\n\n  ```ts example=k\n  ```\n", { k: { text: "a\n\nb" } }, "- x\n\n  ```ts example=k\n  a\n\n  b\n  ```\n"],
  // a fence in the content lengthens both fence markers, keeping the spaces after the closing one
  ["```text example-output=k\n```  \n", { k: { text: "```\nx\n```" } }, "````text example-output=k\n```\nx\n```\n````  \n"],
  // a closing fence longer than the opening one keeps its length
  ["```ts example=k\nold\n`````\n", { k: { text: "new" } }, "```ts example=k\nnew\n`````\n"],
  // ... and grows only as far as the content needs
  ["```text example-output=k\n`````\n", { k: { text: "````" } }, "`````text example-output=k\n````\n`````\n"],
  ["```text example-output=k\n````\n", { k: { text: "``````" } }, "```````text example-output=k\n``````\n```````\n"],
  // CR-only pages get CR lines, the byte order mark stays
  ["\ufeff# T\r\r```ts example=k\rold\r```\r", { k: { text: "a\nb\n" } }, "\ufeff# T\r\r```ts example=k\ra\rb\r```\r"],
  // several blocks, edited from the bottom up
  ["```ts example=a\n```\n\n```ts example=b\n1\n2\n3\n```\n", { a: { text: "A\nA" }, b: { text: "B" } }, "```ts example=a\nA\nA\n```\n\n```ts example=b\nB\n```\n"],
])("%j", (text, contents, expected) => {
  const spliced = splice(text, contents);
  expect(spliced).toEqual({ text: expected, problems: [] });
  expect(splice(spliced.text, contents).text).toBe(expected);
});

test("a block whose content has a problem is left as is, the others are filled", () => {
  const text = "```ts example=a\nold\n```\n\n```ts example=b\nold\n```\n";
  expect(splice(text, { a: { problem: "cannot" }, b: { text: "new" } })).toEqual({
    text: "```ts example=a\nold\n```\n\n```ts example=b\nnew\n```\n",
    problems: ["docs/a.md:1: cannot"],
  });
});

test("two edits to the same place are refused", () => {
  const text = "```ts example=a\nold\n```\n";
  const { blocks } = findKeyedBlocks(text, "docs/a.md");
  const result = spliceMarkdown(text, [blocks[0]!, blocks[0]!], () => ({ text: "new" }));
  expect(result.text).toBe("```ts example=a\nnew\n```\n");
  expect(result.problems.map(formatProblem)).toEqual(["docs/a.md:1: `example=a` overlaps another block: refusing two edits to the same place"]);
});

/** The content of the first code block, as a CommonMark renderer reads the page. */
function renderedCode(text: string): string | undefined {
  let value: string | undefined;
  const visit = (node: Nodes) => {
    if (value === undefined && node.type === "code") value = (node as Code).value;
    if ("children" in node) node.children.forEach(visit);
  };
  visit(unified().use(remarkParse).parse(text));
  return value;
}

describe("a filled block renders its content exactly, whatever the closing fence's prefix", () => {
  const content = "function f() {\n  if (x) {\n    return 1;\n  }\n\n}";
  test.each([
    // a blockquote opened with `>` and no space: `>  x` would lose a space of indentation
    ">```ts example=k\n>```\n",
    // opened with `> `, closed with `>`
    "> ```ts example=k\n>```\n",
    // a closing fence indented 2 at top level: the lines are not indented
    "```ts example=k\nold\n  ```\n",
    // a list item whose fence is at 4 spaces (2 inside the item) and closes at 2
    "- x\n\n    ```ts example=k\n    old\n  ```\n",
    // a fence on an ordered list item's first line, in a blockquote
    "> 1. ```ts example=k\n>    ```\n",
    // a fence indented 3 spaces, closed at column 0
    "   ```ts example=k\n```\n",
    // tabs in the opening line's prefix, after a quote marker and after a list marker
    ">\t```ts example=k\n>```\n",
    "-\t```ts example=k\n    ```\n",
    ">>\t```ts example=k\n>>```\n",
  ])("%j", (page) => {
    const spliced = splice(page, { k: { text: content } });
    expect(spliced.problems).toEqual([]);
    expect(renderedCode(spliced.text)).toBe(content);
    // and splicing again changes nothing
    expect(splice(spliced.text, { k: { text: content } }).text).toBe(spliced.text);
  });
});

test("splicing is linear in the blocks of a page: 30,000 blocks on one page", { timeout: 30_000 }, () => {
  // the edits were applied one by one to the whole page: 8,000 blocks took 3.9 s, 30,000 about a minute
  const page = Array.from({ length: 30_000 }, (_, index) => `\`\`\`ts example=k${index % 10}\n\`\`\`\n`).join("\n");
  const { blocks } = findKeyedBlocks(page, "docs/many.md");
  expect(blocks).toHaveLength(30_000);
  const result = spliceMarkdown(page, blocks, (block) => ({ text: `show("${block.key}");` }));
  expect(result.problems).toEqual([]);
  expect(result.text.split("\n").filter((line) => line.startsWith("show(")).length).toBe(30_000);
  expect(result.text.endsWith('```ts example=k9\nshow("k9");\n```\n')).toBe(true);
});
