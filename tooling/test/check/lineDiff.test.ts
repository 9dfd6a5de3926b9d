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

  it("keeps a shortest alignment while up to 1,000 lines differ", () => {
    const actual = range(1, 10_000).map((line, index) => (index % 20 === 0 ? `changed ${index}` : line));
    const lines = lineDiff(range(1, 10_000), actual);
    expect(lines.filter((line) => line.op === "=")).toHaveLength(9_500);
    expect(lines.filter((line) => line.op !== "=")).toHaveLength(1_000);
  });

  it("past 1,000 differing lines, aligns the equal ends and counts all between as changed", () => {
    const expected = ["id {...}", ...range(1, 10_000), "end"];
    const actual = ["id 42", ...range(1, 10_000).map((line) => `${line}!`), "end"];
    const lines = lineDiff(expected, actual);
    expect(lines[0]).toEqual({ op: "=", expected: "id {...}", text: "id 42" });
    expect(lines.slice(1, -1).map((line) => line.op).join("")).toBe(`${"-".repeat(10_000)}${"+".repeat(10_000)}`);
    expect(lines[1]).toEqual({ op: "-", text: "line 1" });
    expect(lines[10_001]).toEqual({ op: "+", text: "line 1!" });
    expect(lines.at(-1)).toEqual({ op: "=", expected: "end", text: "end" });
  });

  // these assert the alignment only, never a time: an unbounded diff is quadratic on them
  test.each<[string, string[], string[], string]>([
    // 10,000 lines, none alike
    ["all different", range(1, 10_000), range(1, 10_000).map((line) => `other ${line}`), `${"-".repeat(10_000)}${"+".repeat(10_000)}`],
    // 10,000 wildcard lines, none matching
    ["wildcards, none matching", range(1, 10_000).map(() => "x {...}"), range(1, 10_000), `${"-".repeat(10_000)}${"+".repeat(10_000)}`],
    // one line repeated, against lines that alternate: long runs of equal lines on every diagonal
    ["repeated lines", Array<string>(10_000).fill("a"), range(1, 10_000).map((_, index) => (index % 2 ? "a" : "b")), `${"-".repeat(9_999)}${"+".repeat(9_999)}=`],
  ])("stays bounded on long outputs: %s", (_name, expected, actual, ops) => {
    expect(lineDiff(expected, actual).map((line) => line.op).join("")).toBe(ops);
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

  it("numbers every hunk of a long diff", () => {
    const actual = range(1, 10_000).map((line, index) => (index % 100 === 0 ? `changed ${index + 1}` : line));
    const headers = formatLineDiff(range(1, 10_000), actual).split("\n").filter((line) => line.startsWith("@@"));
    expect(headers).toHaveLength(100);
    expect(headers.slice(0, 2)).toEqual(["@@ -1,4 +1,4 @@", "@@ -98,7 +98,7 @@"]);
    expect(headers.at(-1)).toBe("@@ -9898,7 +9898,7 @@");
  });

  it("takes the number of context lines", () => {
    expect(formatLineDiff(["a", "b", "c"], ["a", "x", "c"], 0)).toBe("--- expected\n+++ actual\n@@ -2,1 +2,1 @@\n-b\n+x");
  });
});
