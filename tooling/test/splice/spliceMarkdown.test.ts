import { expect, test } from "vitest";
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
