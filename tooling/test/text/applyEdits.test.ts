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
