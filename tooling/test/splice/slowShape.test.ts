import { expect, test } from "vitest";
import { maxLazyWeight, maxNesting, slowShape } from "../../src/splice/slowShape.ts";

const fence = "\n\n```ts example=k\n```\n";
const nestedList = (levels: number) => Array.from({ length: levels }, (_, i) => `${" ".repeat(2 * i)}- a`).join("\n");

test.each([
  // ordinary containers, however many lines: nothing lazy, nothing deep
  ["> a\n".repeat(5000)],
  ["- a\n  b\n".repeat(5000)],
  [`${"> ".repeat(maxNesting)}a`],
  [nestedList(maxNesting)],
  // a thematic break is no list item, however many `*` it has
  [`${"* ".repeat(200)}\n\ntext`],
  // lazy lines, but few enough
  [`> a\n${"b\n".repeat(900)}`],
  [`- a\n${"b\n".repeat(900)}`],
  // many paragraphs with a few lazy lines each
  [`> a\nb\nc\n\n`.repeat(2000)],
  // lines at column 0 after a list item and a blank line end it: not lazy
  [`- a\n\n${"b\n".repeat(5000)}`],
])("%#: not refused", (text) => {
  expect(slowShape(`${text}${fence}`, 0)).toBeUndefined();
});

test.each([
  // quotes on one line
  [`${">".repeat(maxNesting + 1)} a`, 1, /nested 51 block quotes and list items deep/],
  // list items, one per line, each indented into the one before
  [nestedList(maxNesting + 1), maxNesting + 1, /nested 51 block quotes/],
  // list items on one line, and quotes in list items
  [`${"- ".repeat(maxNesting + 1)}a`, 1, /nested 51 /],
  [`${"1. > ".repeat(26)}a`, 1, /nested 52 /],
  // lazy lines in a quote, in a list item, in a list item in a quote
  [`> a\n${"b\n".repeat(1100)}`, 2, /goes on here for 1100 lines without the `>` or indentation of its container \(lazy continuation lines\)/],
  [`- a\n${"b\n".repeat(1100)}`, 2, /for 1100 lines/],
  [`> - a\n${"> b\n".repeat(1100)}`, 2, /for 1100 lines/],
  // lazy lines spread over paragraphs weigh on the page together
  [`> a\n${"b\n".repeat(600)}\n`.repeat(3), 1206, /for 600 lines .*lazy continuation lines, 1800 on the page up to its end/],
])("%#: refused at its line", (text, line, message) => {
  const shape = slowShape(`${text}${fence}`, 0);
  expect(shape).toMatchObject({ line, column: 1 });
  expect(shape!.message).toMatch(message);
  expect(shape!.message).toMatch(/cannot check its blocks \(VitePress may still render it\)/);
});

test("lines are counted in the whole text: after front matter, with any line ending", () => {
  const text = `---\ntitle: x\n---\r${">".repeat(60)} a\r`;
  expect(slowShape(text, text.indexOf("\r") + 1)?.line).toBe(4);
});

test("the weight bound: about a thousand lazy lines in one paragraph", () => {
  expect(maxLazyWeight).toBeLessThan((1100 * 1100) / 2);
  expect(maxLazyWeight).toBeGreaterThan((900 * 900) / 2);
});
