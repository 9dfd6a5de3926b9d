import { expect, test } from "vitest";
import { contentPrefix } from "../../src/splice/contentPrefix.ts";

test.each([
  // top level, and a fence indented inside its container: the indentation stays
  ["", ""],
  ["   ", "   "],
  // block quotes: `>` gets its optional space when written without one
  ["> ", "> "],
  [">", "> "],
  [">>", "> > "],
  [">  ", ">  "],
  // list markers become spaces, whatever their width
  ["- ", "  "],
  ["10) ", "    "],
  ["> 1. ", ">    "],
  ["- > ", "  > "],
  // tabs are expanded to their tab stops first, so that no added space moves one
  [">\t", ">   "],
  ["-\t", "    "],
  [">>\t", "> >  "],
])("%j -> %j", (opening, expected) => {
  expect(contentPrefix(opening)).toBe(expected);
});
