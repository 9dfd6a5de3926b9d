import { expect, test } from "vitest";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";
import { resolveBlock } from "../../src/splice/resolveBlock.ts";
import { goldenContext } from "./fixtureContext.ts";

/** The content of the only block of `page`. */
function resolve(page: string, statuses: Parameters<typeof goldenContext>[0] = {}) {
  return resolveBlock(findKeyedBlocks(page, "docs/a.md").blocks[0]!, goldenContext(statuses));
}

test.each([
  // code: the rendered example
  ["```ts example=greet.arrow\n```\n", {}, { text: 'console.log("hello")' }],
  // `full`
  ["```ts example=greet.arrow full\n```\n", {}, { text: 'export const greet = () => console.log("hello");' }],
  // output: the stdout of this run
  ["```text example-output=greet.arrow\n```\n", {}, { text: "hello\n" }],
  // a skipped example has no output
  ["```text example-output=greet.arrow\n```\n", { "greet.arrow": "skipped" as const }, { problem: "`example-output=greet.arrow`: example examples/golden.ts:55 did not run, so it has no output to show" }],
  // neither has a failed one, but its code can still be shown
  ["```ts example=greet.arrow\n```\n", { "greet.arrow": "failed" as const }, { text: 'console.log("hello")' }],
])("%j %j", (page, statuses, expected) => {
  expect(resolve(page, statuses)).toEqual(expected);
});

test("an output block with no run at all says the example did not run", () => {
  const { verdicts: _, ...context } = goldenContext();
  const block = findKeyedBlocks("```text example-output=greet.arrow\n```\n", "docs/a.md").blocks[0]!;
  expect(resolveBlock(block, context)).toEqual({ problem: "`example-output=greet.arrow`: example examples/golden.ts:55 did not run, so it has no output to show" });
});

test("an output block keeps what the page shows when it passes the example's @expect as this run's output does", () => {
  const context = goldenContext();
  const resolveIn = (page: string) => resolveBlock(findKeyedBlocks(page, "docs/a.md").blocks[0]!, context, page);
  // the page shows `hello  `: @expect ignores trailing spaces, so it is as good as this run's `hello`
  expect(resolveIn("```text example-output=greet.arrow\nhello  \n```\n")).toEqual({ text: "hello  \n" });
  // a page showing something else gets this run's output
  expect(resolveIn("```text example-output=greet.arrow\nhi\n```\n")).toEqual({ text: "hello\n" });
  // and so does a code block, whatever it shows
  expect(resolveIn("```ts example=greet.arrow\nold\n```\n")).toEqual({ text: 'console.log("hello")' });
});
