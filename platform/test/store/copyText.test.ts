import { expect, test } from "vitest";
import { copyText } from "../../src/store/copyText.ts";

test("fields tab-separated, rows ended by a newline, null as \\N, booleans as t and f, numbers as their text", () => {
  expect(copyText([["a", null, true, 1.5], ["", false, 0, "x y"]])).toBe("a\t\\N\tt\t1.5\n\tf\t0\tx y\n");
});

test.each([
  ["a backslash", "C:\\dir", "C:\\\\dir"],
  ["a tab", "a\tb", "a\\tb"],
  ["a newline", "a\nb", "a\\nb"],
  ["a carriage return", "a\r\nb", "a\\r\\nb"],
  ["the text \\N, which is not null", "\\N", "\\\\N"],
  ["all of them, twice", "\\\t\n\r\\\t\n\r", "\\\\\\t\\n\\r\\\\\\t\\n\\r"],
  ["quotes, unicode and other control characters as they are", "'\"é😀\u0001\u001f\u007f", "'\"é😀\u0001\u001f\u007f"],
])("%s", (_what, value, field) => {
  expect(copyText([[value, value]])).toBe(`${field}\t${field}\n`);
});

test.each([
  ["a NUL", "a\u0000b"],
  ["a lone high surrogate", "a\ud83db"],
  ["a lone low surrogate", "\ude00"],
])("undefined for %s (text cannot hold it; a parameter is refused)", (_what, value) => {
  expect(copyText([["ok"], [value]])).toBeUndefined();
});
