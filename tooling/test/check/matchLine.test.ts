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
  // no wildcard: trailing spaces count (outputLines trims the actual side, not matchLine)
  ["hello", "hello ", false],
  // no wildcard: an empty line equals only an empty line
  ["", "", true],
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
  // ... nor do the others stand for anything but themselves
  ["^a*b+[c]{...}\\d$", "^a*b+[c]x\\d$", true],
  // a whole-line wildcard matches an empty line
  ["{...}", "", true],
  // ... and any line at all
  ["{...}", "anything: at {all} $1", true],
  // braces other than the wildcard are literal
  ["{..}", "{..}", true],
  // four dots make no wildcard: the line is literal
  ["{....}", "{....}", true],
  // ... and matches nothing else
  ["{....}", "x", false],
  // a wildcard inside braces leaves the outer braces literal
  ["{{...}}", "{42}", true],
  // text before the first wildcard is a prefix
  ["id={...}", "xid=1", false],
  // text after the last wildcard is a suffix
  ["{...}ms", "3 ms!", false],
  // the prefix and the suffix may not share characters
  ["ab{...}ba", "aba", false],
  // ... but may meet
  ["ab{...}ba", "abba", true],
  // two wildcards side by side act as one
  ["a{...}{...}b", "a-b", true],
  // a literal between wildcards must be there, in order
  ["{...}x{...}y{...}", "y x", false],
  // ... and may repeat
  ["{...}x{...}x{...}", "axbxc", true],
  // ... each occurrence taking its own characters
  ["{...}xx{...}xx{...}", "xxx", false],
  // the middle literal may not eat into the suffix
  ["{...}ab{...}b", "ab", false],
  // the leftmost place of a middle literal is tried first, and enough
  ["a{...}b{...}bc", "abbbc", true],
  // a wildcard stands for a newline too, if the actual line holds one
  ["a{...}c", "a\nc", true],
])("%j ~ %j: %s", (expected, actual, matches) => {
  expect(matchLine(expected, actual)).toBe(matches);
});

const longLine = (length: number) => "a,".repeat(length / 2);

// these assert the answer only, never a time: a matcher that backtracks again would not return
// from them at all (no test timeout can stop a synchronous loop), so the run would hang
test.each<[string, string, string, boolean]>([
  // four wildcards and no final dot: a backtracking regex tries every way to split the line
  ["4 wildcards, 4,000 characters, no match", "{...},{...},{...},{...}.", longLine(4_000), false],
  // the same on 100,000 characters
  ["4 wildcards, 100,000 characters, no match", "{...},{...},{...},{...}.", longLine(100_000), false],
  // the same with the final dot there: it matches
  ["4 wildcards, 100,000 characters, a match", "{...},{...},{...},{...}.", `${longLine(100_000)}.`, true],
  // many wildcards with literals that almost match everywhere
  ["40 wildcards, 100,000 characters", `${"{...}a,".repeat(40)}{...}b`, longLine(100_000), false],
  // a long middle literal that is nearly found at every place
  ["long near-miss literal", `{...}${"a".repeat(500)}b{...}`, "a".repeat(100_000), false],
])("%s", (_name, expected, actual, matches) => {
  expect(matchLine(expected, actual)).toBe(matches);
});
