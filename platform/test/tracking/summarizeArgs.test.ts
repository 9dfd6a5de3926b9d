import { expect, test } from "vitest";
import { summarizeArgs } from "../../src/tracking/summarizeArgs.ts";

test.each([
  // short values stay as they are
  [["churn", 2, true, null], ["churn", 2, true, null]],
  // long strings are cut
  [["x".repeat(100)], [`${"x".repeat(77)}...`]],
  // bytes and long lists become counts
  [[new Uint8Array(10), [1, 2, 3, 4, 5, 6]], ["<10 bytes>", "<6 items>"]],
  // secrets are redacted, artifacts summarised by size, sample rows counted
  [[{ token: "env_abc", artifact: { w: [1, 2] }, inputs: [{}, {}, {}, {}, {}, {}, {}] }], [{ token: "<redacted>", artifact: "<json, 11 characters>", inputs: "<7 items>" }]],
  [[{ artifact: new Uint8Array(3) }], [{ artifact: "<3 bytes>" }]],
  // an own key "__proto__" (as JSON.parse makes it) stays a key of the summary, its secrets redacted
  [JSON.parse('[{"__proto__":{"token":"env_x"},"n":1}]'), JSON.parse('[{"__proto__":{"token":"<redacted>"},"n":1}]')],
])("summarizeArgs(%j)", (args, expected) => {
  expect(summarizeArgs(args)).toEqual(expected);
});
