import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, test } from "vitest";
import { readFrontMatter } from "../../src/splice/readFrontMatter.ts";
import { maxInlineHeading } from "../../src/splice/headingText.ts";
import { remarkFences, type RemarkNode } from "../../src/splice/remarkFences.ts";
import { fixtures } from "./fixtureContext.ts";
import { fallbacks, randomPage } from "../support/randomPages.ts";

// `remarkFences` parses without inline constructs (they decide nothing about blocks, and are
// where micromark is quadratic) and reads headings' text again on its own: every page below is
// read both ways, and the headings and code blocks must be strictly equal to a full parse's

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fullParser = unified().use(remarkParse);

/** A full remark parse of the body: headings' text and code blocks, placed in the whole text. */
function fullParse(text: string): RemarkNode[] {
  const { bodyStart } = readFrontMatter(text);
  const before = text.slice(0, bodyStart);
  const lines = before.split(/\r\n|\r|\n/).length - 1;
  const lastLine = before.length - Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) - 1 - (lines === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const place = (point: { line: number; column: number; offset?: number | undefined }) =>
    ({ line: point.line + lines, column: point.column + (point.line === 1 ? lastLine : 0), offset: point.offset! + bodyStart });
  const nodes: RemarkNode[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "heading") nodes.push({ type: "heading", text: toString(node) });
    if (node.type === "code") nodes.push({ type: "code", value: node.value, start: place(node.position!.start), end: place(node.position!.end) });
    if ("children" in node) node.children.forEach(visit);
  };
  visit(fullParser.parse(text.slice(bodyStart)));
  return nodes;
}

const agree = (text: string) => expect(remarkFences(text, readFrontMatter(text).bodyStart)).toStrictEqual(fullParse(text));

const markdownFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md") && !name.includes("node_modules")).sort();

test.each([
  ...markdownFiles(fixtures).map((name) => path.relative(repo, path.join(fixtures, name))),
  ...markdownFiles(path.join(repo, "docs")).map((name) => path.join("docs", name)),
])("%s", (file) => agree(readFileSync(path.join(repo, file), "utf8")));

test("400 random pages", () => {
  for (let seed = 1; seed <= 400; seed++) agree(randomPage(seed).text);
});

describe("headings whose text inline markup makes", () => {
  test.each([
    ...fallbacks,
    // setext headings, in containers, over several lines, with markup and hard breaks
    "Title *with* `code`\n===", "> a *b*\n> c\n> ---", "- a  \n  b\\\n  c\n  ===", "  Indented [link](x)\n  ---",
    // references defined before, after, in a container, or not at all
    "[ref]: /url\n\n# See [ref] and [other]", "# See [ref]\n\n> [ref]:\n> /url 'title'", "## [Foo\nbar]\n\n[foo bar]: /x", "# ![img][ref]\n\n[REF]: /y",
    // escapes, entities, autolinks and html
    "# a \\* b &amp; &#35; <https://x.y> <b>bold</b> `code *x*`", "## a\tb", "# trailing \\#",
    // ATX headings in containers
    "> ## quoted *x*", "1. ### listed `y`", "- > # deep [z](w)",
  ])("%j", (construct) => agree(`${construct}\n\n\`\`\`ts example=k\n\`\`\`\n`));
});

test("a heading longer than the bound keeps its text as written, inline markup and all", () => {
  const long = `# ${"*a* ".repeat(maxInlineHeading)}\n\n\`\`\`ts example=k\n\`\`\`\n`;
  expect(remarkFences(long, 0)[0]).toEqual({ type: "heading", text: "*a* ".repeat(maxInlineHeading).trim() });
});

test("positions after front matter and a byte order mark are in the whole text", () => {
  const text = "\ufeff---\ntitle: x\n---```ts example=k\nold\n```\n";
  expect(remarkFences(text, readFrontMatter(text).bodyStart)).toStrictEqual([
    { type: "code", value: "old", start: { line: 3, column: 4, offset: 17 }, end: { line: 5, column: 4, offset: 40 } },
  ]);
});

test("8,000 nested block quotes: the tree is walked without recursion, so the page's block is found", () => {
  // a recursive walk ran out of stack (RangeError) on such a page
  const text = `${">".repeat(8000)} a\n\n\`\`\`ts example=k\n\`\`\`\n`;
  expect(remarkFences(text, 0)).toEqual([{ type: "code", value: "", start: { line: 3, column: 1, offset: 8004 }, end: { line: 4, column: 4, offset: 8023 } }]);
});
