import { expect, test } from "vitest";
import { chooseFence } from "../../src/splice/chooseFence.ts";

test.each([
  // nothing to escape
  ["```", "const x = 1;", "```"],
  // a fence as long as the block's: one longer
  ["```", "```ts\nx\n```", "````"],
  // an indented fence could still close the block
  ["```", "  ```", "````"],
  // the longest run wins
  ["```", "```\n`````", "``````"],
  // a shorter run cannot close the block
  ["`````", "```", "`````"],
  // the other character does not matter
  ["~~~", "```", "~~~"],
  ["```", "~~~~", "```"],
  // tildes grow too
  ["~~~", "~~~", "~~~~"],
  // backticks inside a line are not a fence
  ["```", "const a = `x`; ```", "```"],
])("%s around %j", (fence, code, expected) => {
  expect(chooseFence(fence, code)).toBe(expected);
});
