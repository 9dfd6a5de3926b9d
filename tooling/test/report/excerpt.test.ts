import { expect, test } from "vitest";
import { excerpt } from "../../src/report/excerpt.ts";

const limits = { head: 2, tail: 1, lineBytes: 10 };
const lines = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}`).join("\n");

test.each([
  // nothing to cut: the text comes back as it was, byte for byte
  { text: "a\nb\nc", expected: "a\nb\nc" },
  // exactly head + tail lines: all shown, no marker for zero lines
  { text: lines(3), expected: lines(3) },
  // one line more: the middle line is left out and counted, with its newline in the bytes
  { text: lines(4), expected: "line 1\nline 2\n… 1 line (7 bytes) not shown …\nline 4" },
  // many more: head and tail around one marker
  { text: lines(1000), expected: "line 1\nline 2\n… 997 lines (8869 bytes) not shown …\nline 1000" },
  // a trailing newline makes a last, empty line, which is the tail
  { text: lines(4) + "\n", expected: "line 1\nline 2\n… 2 lines (14 bytes) not shown …\n" },
  // a long line is cut at lineBytes, saying how much of it is left out
  { text: "0123456789abcdef", expected: "0123456789… (6 more bytes on this line)" },
  // a line of exactly lineBytes is not cut
  { text: "0123456789", expected: "0123456789" },
  // multi-byte characters count in UTF-8 bytes, and are never cut in two (é is 2 bytes)
  { text: "ééééééé", expected: "ééééé… (4 more bytes on this line)" },
  // nor is a surrogate pair: the emoji that would cross the limit goes whole
  { text: "abcdefgh😀😀", expected: "abcdefgh… (8 more bytes on this line)" },
  // long lines are cut in the head and the tail alike
  { text: ["x".repeat(20), "b", "c", "y".repeat(12)].join("\n"), expected: `${"x".repeat(10)}… (10 more bytes on this line)\nb\n… 1 line (2 bytes) not shown …\n${"y".repeat(10)}… (2 more bytes on this line)` },
  // CR stays inside its line: reports split on LF only
  { text: "a\rb\rc\rd\re", expected: "a\rb\rc\rd\re" },
])("$text", ({ text, expected }) => {
  expect(excerpt(text, limits)).toBe(expected);
});

test("with no head, only the tail follows the marker", () => {
  expect(excerpt(lines(3), { head: 0, tail: 1, lineBytes: 100 })).toBe("… 2 lines (14 bytes) not shown …\nline 3");
});

test("an excerpt of a 50 MB text is as long as the limits allow, whatever the text", () => {
  const big = { head: 60, tail: 20, lineBytes: 1000 };
  expect(excerpt(`${"line\n".repeat(10 * 1024 * 1024)}end`, big).length).toBeLessThan(81 * 5 + 60);
  expect(excerpt("z".repeat(50 * 1024 * 1024), big).length).toBeLessThan(1100);
});
