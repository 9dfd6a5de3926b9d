import { expect, test } from "vitest";
import { matchLine, wildcard } from "../../src/check/matchLine.ts";

test("the wildcard is {...}", () => {
  expect(wildcard).toBe("{...}");
});

test.each<[string, string, boolean]>([
  // no wildcard: equal strings only
  ["hello", "hello", true],
  // no wildcard: case matters
  ["hello", "Hello", false],
  // a wildcard for a value
  ["saved v{...}", "saved v12", true],
  // a wildcard for nothing
  ["saved v{...}", "saved v", true],
  // two wildcards
  ["saved {...} in {...} ms", "saved churn in 3 ms", true],
  // text after the wildcard must still be there
  ["saved {...} in {...} ms", "saved churn in 3 s", false],
  // the line must match as a whole, not a prefix
  ["saved", "saved churn", false],
  // regex characters in the expected line are literal
  ["cost $5.00 (+{...}%)", "cost $5.00 (+10%)", true],
  // ... so `.` does not match any character
  ["a.c", "abc", false],
  // a whole-line wildcard matches an empty line
  ["{...}", "", true],
  // braces other than the wildcard are literal
  ["{..}", "{..}", true],
])("%s ~ %s: %s", (expected, actual, matches) => {
  expect(matchLine(expected, actual)).toBe(matches);
});
