import { expect, test } from "vitest";
import { formatProblem } from "../../src/records/Problem.ts";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";
import { findOrphans } from "../../src/splice/findOrphans.ts";
import { goldenExamples } from "./fixtureContext.ts";

test.each([
  // no page: every example is an orphan
  ["", ["registry.save-and-find", "registry.full", "markdown.fence", "greet.arrow"]],
  // code or output both count as showing an example
  ["```ts example=registry.save-and-find\n```\n\n```text example-output=greet.arrow\n```\n", ["registry.full", "markdown.fence"]],
])("%j", (page, orphans) => {
  const { examples } = goldenExamples();
  const found = findOrphans(examples, findKeyedBlocks(page, "docs/a.md").blocks);
  expect(found.map((problem) => /`([^`]+)`/.exec(problem.message)![1])).toEqual(orphans);
});

test("an orphan is reported at its example, with what to do", () => {
  const { examples } = goldenExamples();
  expect(formatProblem(findOrphans(examples.slice(1, 2), [])[0]!)).toBe(
    "examples/golden.ts:30: example `registry.full` is not shown on any page: add a fenced block with `example=registry.full` to a page of the docs",
  );
});
