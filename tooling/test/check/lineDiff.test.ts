import { describe, expect, it, test } from "vitest";
import { formatLineDiff, lineDiff } from "../../src/check/lineDiff.ts";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => `line ${from + index}`);

describe("lineDiff", () => {
  it("aligns lines, keeping what was written for lines that matched through a wildcard", () => {
    expect(lineDiff(["id {...}", "a", "b"], ["id 42", "a", "c"])).toEqual([
      { op: "=", expected: "id {...}", text: "id 42" },
      { op: "=", expected: "a", text: "a" },
      { op: "-", text: "b" },
      { op: "+", text: "c" },
    ]);
  });
});

describe("formatLineDiff", () => {
  test.each<[string, string[], string[], string]>([
    // equal lists: headers only
    ["no change", ["a"], ["a"], "--- expected\n+++ actual"],
    // one changed line in the middle, with its context
    ["one change", ["a", "b", "c"], ["a", "x", "c"], "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n+x\n c"],
    // expected nothing: the old range is empty, at line 0
    ["from nothing", [], ["a", "b"], "--- expected\n+++ actual\n@@ -0,0 +1,2 @@\n+a\n+b"],
    // printed nothing: the new range is empty
    ["to nothing", ["a"], [], "--- expected\n+++ actual\n@@ -1,1 +0,0 @@\n-a"],
    // a line added at the end
    ["added at the end", ["a", "b"], ["a", "b", "c"], "--- expected\n+++ actual\n@@ -1,2 +1,3 @@\n a\n b\n+c"],
    // wildcard lines that match are context, shown as the actual text
    ["wildcards as context", ["took {...} ms", "done"], ["took 12 ms", "failed"], "--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n took 12 ms\n-done\n+failed"],
    // only three lines of context on each side
    [
      "context is three lines",
      range(1, 10),
      [...range(1, 4), "changed", ...range(6, 10)],
      "--- expected\n+++ actual\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+changed\n line 6\n line 7\n line 8",
    ],
    // changes more than six lines apart make two hunks
    [
      "two hunks",
      range(1, 12),
      ["changed 1", ...range(2, 11), "changed 12"],
      "--- expected\n+++ actual\n@@ -1,4 +1,4 @@\n-line 1\n+changed 1\n line 2\n line 3\n line 4\n@@ -9,4 +9,4 @@\n line 9\n line 10\n line 11\n-line 12\n+changed 12",
    ],
    // changes six lines apart share one hunk
    [
      "one hunk when contexts touch",
      range(1, 8),
      ["changed 1", ...range(2, 7), "changed 8"],
      "--- expected\n+++ actual\n@@ -1,8 +1,8 @@\n-line 1\n+changed 1\n line 2\n line 3\n line 4\n line 5\n line 6\n line 7\n-line 8\n+changed 8",
    ],
    // the second hunk's start lines count what the first added (as GNU `diff -u` prints them)
    [
      "start lines after an added line",
      range(1, 12),
      ["new 0", ...range(1, 11)],
      "--- expected\n+++ actual\n@@ -1,3 +1,4 @@\n+new 0\n line 1\n line 2\n line 3\n@@ -9,4 +10,3 @@\n line 9\n line 10\n line 11\n-line 12",
    ],
  ])("%s", (_name, expected, actual, diff) => {
    expect(formatLineDiff(expected, actual)).toBe(diff);
  });

  it("takes the number of context lines", () => {
    expect(formatLineDiff(["a", "b", "c"], ["a", "x", "c"], 0)).toBe("--- expected\n+++ actual\n@@ -2,1 +2,1 @@\n-b\n+x");
  });
});
