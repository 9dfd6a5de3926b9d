import { expect, test } from "vitest";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";
import { shownContent } from "../../src/splice/shownContent.ts";

test.each([
  // an empty block shows nothing
  ["```text example-output=k\n```\n", ""],
  // a filled block shows its lines, each ending in \n
  ["```text example-output=k\na\n\nb\n```\n", "a\n\nb\n"],
  // Windows line endings read as \n
  ["```text example-output=k\r\na\r\nb\r\n```\r\n", "a\nb\n"],
  // in a quote, the `> ` each line got is taken off, and a blank line's `>` too
  ["> ```text example-output=k\n> a\n>\n> b\n> ```\n", "a\n\nb\n"],
  // in a list item, the item's indentation
  ["- item\n\n  ```text example-output=k\n  a\n\n  b\n  ```\n", "a\n\nb\n"],
  // a line without the block's prefix was not written by a splice: what it shows is unknown
  ["- item\n\n    ```text example-output=k\n  a\n    ```\n", undefined],
])("%j shows %j", (page, shown) => {
  const block = findKeyedBlocks(page, "docs/a.md").blocks[0]!;
  expect(shownContent(page, block)).toBe(shown);
});
