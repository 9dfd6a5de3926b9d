import { expect, test } from "vitest";
import { unorderedMismatch } from "../../src/check/unorderedMismatch.ts";

const lines = (count: number, name = "line") => Array.from({ length: count }, (_, index) => `${name} ${index}`);

test.each<[string, string[], string[], boolean]>([
  // nothing expected, nothing printed
  ["both empty", [], [], false],
  // the same lines in another order
  ["reordered", ["b", "a", "c"], ["c", "a", "b"], false],
  // a line missing
  ["one fewer", ["a", "b"], ["a"], true],
  // a line too many
  ["one more", ["a"], ["a", "b"], true],
  // a repeated line counts as many times as it appears
  ["duplicates", ["a", "a", "b"], ["a", "b", "a"], false],
  // ... and no more
  ["too many duplicates", ["a", "b"], ["a", "a"], true],
  // ... and no fewer
  ["too few duplicates", ["a", "a"], ["a", "b"], true],
  // a wildcard line takes what the exact lines left
  ["wildcard after exact", ["{...}", "a"], ["a", "b"], false],
  // two wildcard lines, each taking its own line
  ["two wildcards", ["x {...}", "y {...}"], ["y 2", "x 1"], false],
  // a wildcard line that matches nothing left
  ["wildcard unmatched", ["{...}!", "a"], ["a", "b"], true],
  // wildcard lines take the first line left that they match, in the order written: `{...}` takes
  // `ab`, and `a{...}` finds only `c` (greedy, as it always was, though a pairing exists)
  ["greedy wildcard pairing", ["{...}", "a{...}"], ["ab", "c"], true],
  // exact lines pair first wherever they are written, so the greedy wildcard finds `ab`
  ["exact lines first", ["{...}", "c"], ["ab", "c"], false],
  // case matters
  ["case", ["A"], ["a"], true],
])("%s", (_name, expected, actual, mismatch) => {
  expect(unorderedMismatch(expected, actual)).toBe(mismatch);
});

// exact lines pair through a map, in linear time; each wildcard line still scans the lines left
test.each<[string, string[], string[], boolean]>([
  // all there, reversed
  ["10,000 lines reversed", lines(10_000), lines(10_000).reverse(), false],
  // the last one differs
  ["10,000 lines, one differs", lines(10_000), [...lines(9_999), "other"], true],
  // a tenth of them through wildcards
  ["10,000 lines, 1,000 with wildcards", [...lines(9_000), ...lines(1_000, "{...}")], [...lines(1_000, "x"), ...lines(9_000)].reverse(), false],
])("%s", (_name, expected, actual, mismatch) => {
  expect(unorderedMismatch(expected, actual)).toBe(mismatch);
});
