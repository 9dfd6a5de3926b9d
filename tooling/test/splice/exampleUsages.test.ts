import { expect, test } from "vitest";
import { exampleUsages } from "../../src/splice/exampleUsages.ts";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";

test("each key lists its pages and headings, keys sorted, places in page order", () => {
  const guide = "# Guide\n\n## Saving\n\n```ts example=registry.save\n```\n\n```text example-output=registry.save\n```\n\n## *Finding*\n\n- ```ts example=registry.find\n  ```\n";
  const intro = "```ts example=registry.save\n```\n";
  const blocks = [...findKeyedBlocks(guide, "docs/guide.md").blocks, ...findKeyedBlocks(intro, "docs/a-intro.md").blocks];
  expect([...exampleUsages(blocks)]).toEqual([
    ["registry.find", [{ file: "docs/guide.md", line: 13, kind: "code", heading: "Finding" }]],
    ["registry.save", [
      { file: "docs/a-intro.md", line: 1, kind: "code" },
      { file: "docs/guide.md", line: 5, kind: "code", heading: "Saving" },
      { file: "docs/guide.md", line: 8, kind: "output", heading: "Saving" },
    ]],
  ]);
});
