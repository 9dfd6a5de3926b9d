import { expect, test } from "vitest";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";
import { mentionedOutputKeys } from "../../src/splice/mentionedOutputKeys.ts";

test.each([
  // an output block's key
  ["```text example-output=a.b\n```\n", ["a.b"]],
  // in a blockquote, with other words after it, CRLF
  ["> ```text example-output=a.b {1}\r\n> ```\r\n", ["a.b"]],
  // code blocks name no output
  ["```ts example=a.b\n```\n", []],
  // prose that mentions the word counts too: a superset is what the run needs
  ["Write `example-output=KEY` in the info string.\n", ["KEY`"]],
  // a word with no key names nothing
  ["```text example-output=\n```\n", []],
  // several pages, each key once
  ["```text example-output=a\n```\n\n```text example-output=b\n```\n```text example-output=a\n```\n", ["a", "b"]],
])("%j", (text, keys) => {
  expect([...mentionedOutputKeys([text])].sort()).toEqual(keys);
});

test("every key an output block shows is among the mentioned ones", () => {
  const text = "# A\n\n- ```text example-output=k.one\n  ```\n\n> ~~~ example-output=k.two\n> ~~~\n\n```text title example-output=k.three {2}\n```\n";
  const shown = findKeyedBlocks(text, "docs/a.md").blocks.map((block) => block.key);
  expect(shown).toEqual(["k.one", "k.two", "k.three"]);
  expect([...mentionedOutputKeys([text])]).toEqual(shown);
});
