import { expect, test } from "vitest";
import { readFrontMatter } from "../../src/splice/readFrontMatter.ts";

// each row was checked against gray-matter 4.0.3 as VitePress 1.6 bundles it: the body is the
// `content` it hands to markdown-it (after a byte order mark, which it strips first)
test.each([
  // the usual: front matter, then the body from the next line
  ["---\ntitle: x\n---\nbody\n", "body\n"],
  ["---\r\ntitle: x\r\n---\r\nbody", "body"],
  ["\ufeff---\ntitle: x\n---\n\nbody", "\nbody"],
  ["---\n---\nbody", "body"],
  // no front matter: not at the very start, or `----`
  ["x\n---\ny\n---\n", "x\n---\ny\n---\n"],
  [" ---\na: 1\n---\nb", " ---\na: 1\n---\nb"],
  ["----\nx\n---\nbody", "----\nx\n---\nbody"],
  ["\ufeff# Title", "# Title"],
  // a language or spaces after the opening `---`
  ["---yaml\ntitle: x\n---\nbody", "body"],
  ["--- \ntitle: x\n---\nbody", "body"],
  // it closes at the first `\n---`, whatever follows on that line
  ["---\ntitle: x\n---x\nbody", "x\nbody"],
  ["---\ntitle: x\n----\nbody", "-\nbody"],
  ["---\ntitle: x\n--- \nbody", " \nbody"],
  // YAML is not Markdown: a fence or a comment in it ends nothing
  ["---\na: |\n  ```ts\n---\n```ts example=k\n```\n", "```ts example=k\n```\n"],
  ["---\na: |\n  <!--\n---\nbody", "body"],
  // closed by the end of the page
  ["---\ntitle: x\n---", ""],
])("%j: the body is %j", (text, body) => {
  const { bodyStart, unclosed } = readFrontMatter(text);
  expect(text.slice(bodyStart).replace(/^\ufeff/, "")).toBe(body);
  expect(unclosed).toBe(false);
});

test.each([
  // never closed: all of the page is front matter to gray-matter
  ["---\ntitle: x\n\n```ts example=k\n```\n"],
  ["---"],
  // CR-only line endings: gray-matter looks for `\n---`
  ["---\rtitle: x\r---\rbody"],
])("%j is front matter never closed", (text) => {
  expect(readFrontMatter(text)).toEqual({ bodyStart: text.length, unclosed: true });
});
