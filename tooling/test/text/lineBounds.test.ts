import { expect, test } from "vitest";
import { lineBounds } from "../../src/text/lineBounds.ts";

test.each([
  // `\n`, `\r\n` and a lone `\r` each end a line
  ["a\nbc\nd", 3, { start: 2, end: 4, next: 5 }],
  ["a\r\nbc\r\nd", 4, { start: 3, end: 5, next: 7 }],
  ["a\rbc\rd", 3, { start: 2, end: 4, next: 5 }],
  // the first and the last line, with and without a line ending
  ["abc\n", 0, { start: 0, end: 3, next: 4 }],
  ["a\nbc", 3, { start: 2, end: 4, next: 4 }],
  // an offset at its line's ending belongs to that line
  ["ab\r\ncd", 2, { start: 0, end: 2, next: 4 }],
  // an empty line
  ["a\n\nb", 2, { start: 2, end: 2, next: 3 }],
])("%j at %i", (text, offset, expected) => {
  expect(lineBounds(text, offset)).toEqual(expected);
});
