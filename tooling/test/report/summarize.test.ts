import { expect, test } from "vitest";
import { formatSummary } from "../../src/report/summarize.ts";

test.each([
  // all passed
  [{ passed: 3, failed: 0, skipped: 0 }, "Examples: 3 passed, 0 failed"],
  // skipped ones are counted only when there are any
  [{ passed: 1, failed: 2, skipped: 4 }, "Examples: 1 passed, 2 failed, 4 skipped"],
  // nothing ran
  [{ passed: 0, failed: 0, skipped: 0 }, "Examples: 0 passed, 0 failed"],
])("%j", (summary, line) => {
  expect(formatSummary(summary)).toBe(line);
});
