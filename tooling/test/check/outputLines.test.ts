import { expect, test } from "vitest";
import { outputLines } from "../../src/check/outputLines.ts";

test.each<[string, string, string[]]>([
  // no output, no lines
  ["empty", "", []],
  // only blank lines is no output
  ["blank", "\n \n\t\n", []],
  // a final newline does not make an empty line
  ["final newline", "a\nb\n", ["a", "b"]],
  // CRLF and CR are line endings
  ["CRLF and CR", "a\r\nb\rc", ["a", "b", "c"]],
  // trailing white space goes, leading stays
  ["spaces", "  a  \n\tb\t", ["  a", "\tb"]],
  // inner blank lines stay
  ["inner blank lines", "a\n\n\nb\n\n", ["a", "", "", "b"]],
])("%s", (_name, output, lines) => {
  expect(outputLines(output)).toEqual(lines);
});
