import { expect, test } from "vitest";
import { applyEdits, type TextEdit } from "../../src/text/applyEdits.ts";

test.each<[string, TextEdit[], string]>([
  // no edit, no change
  ["nothing", [], "abcdef"],
  // one replacement, longer than what it replaces
  ["grow", [{ start: 1, end: 2, text: "BBB" }], "aBBBcdef"],
  // edits given top first apply bottom up, so each offset still means the original text
  ["two edits", [{ start: 0, end: 1, text: "" }, { start: 4, end: 6, text: "EF!" }], "bcdEF!"],
  // an insertion (empty range) next to a replacement
  ["adjacent", [{ start: 2, end: 2, text: "+" }, { start: 2, end: 3, text: "C" }], "ab+Cdef"],
])("%s", (_name, edits, expected) => {
  expect(applyEdits("abcdef", edits)).toBe(expected);
});

test("refuses two edits over the same characters, naming both", () => {
  expect(() => applyEdits("abcdef", [{ start: 0, end: 3, text: "" }, { start: 2, end: 4, text: "" }])).toThrow(/^overlapping edits at 0-3 and 2-4$/);
});

test("refuses an edit outside the text", () => {
  expect(() => applyEdits("abc", [{ start: 2, end: 9, text: "" }])).toThrow(/^edit 2-9 is outside the text \(0-3\)$/);
});

test("linear in the edits: 50,000 edits on a 1 MB text", { timeout: 30_000 }, () => {
  // each edit used to copy the whole text: 50,000 copies of a megabyte
  const text = "0123456789abcdefghij".repeat(50_000);
  const edits = Array.from({ length: 50_000 }, (_, index) => ({ start: index * 20 + 10, end: index * 20 + 20, text: "!" }));
  const result = applyEdits(text, edits);
  expect(result.length).toBe(50_000 * 11);
  expect(result.slice(0, 22)).toBe("0123456789!0123456789!");
});
