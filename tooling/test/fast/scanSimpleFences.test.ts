import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";
import { readFrontMatter } from "../../src/splice/readFrontMatter.ts";
import { scanSimpleFences } from "../../src/fast/scanSimpleFences.ts";
import { fixtures } from "../splice/fixtureContext.ts";
import { fallbacks, randomPage, simpleContainers } from "../support/randomPages.ts";

// the line scanner may only take a page when it finds what remark finds, byte for byte:
// every page below is read both ways and the results must be deeply, strictly equal

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Both paths on one page; returns whether the scanner took it. */
function compare(text: string, file = "docs/page.md"): boolean {
  const remark = findKeyedBlocks(text, file, { remarkOnly: true });
  expect(findKeyedBlocks(text, file)).toStrictEqual(remark);
  return scanSimpleFences(text, readFrontMatter(text).bodyStart) !== undefined;
}

const markdownFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md")).sort();

describe("fixture and project pages", () => {
  const fixturePages = markdownFiles(fixtures).map((name) => path.join(fixtures, name));
  const docsPages = markdownFiles(path.join(repo, "docs")).filter((name) => !name.includes("node_modules")).map((name) => path.join(repo, "docs", name));

  test("there are pages to compare", () => {
    expect(fixturePages.length).toBeGreaterThanOrEqual(10);
    expect(docsPages.length).toBeGreaterThanOrEqual(5);
  });

  test.each([...fixturePages, ...docsPages].map((file) => [path.relative(repo, file)]))("%s", (file) => {
    compare(readFileSync(path.join(repo, file), "utf8"), file);
  });
});

/** The page template of `tooling/bench/splice.bench.ts` (that script runs when imported). */
function benchPage(p: number, filled: boolean): string {
  const body = (n: number) => filled ? `import path from "node:path";\n\nconst name = path.join("items", String(${n}));\nconsole.log(name);\n` : "";
  const indent = (text: string, prefix: string) => text.replace(/^(?=.)/gm, prefix).replace(/^$\n/gm, `${prefix.trimEnd()}\n`);
  const last = p % 10 === 0 ? `\`\`\`text example-output=topic${p % 10}.example0\n${filled ? "items/0 -> 0\nITEM 0\n" : ""}\`\`\`` : `\`\`\`ts example=topic${p % 10}.example4\n${body(4)}\`\`\``;
  return `---
title: Page ${p}
outline: deep
---

# Page ${p}

Intro to page ${p}, with *emphasis*, __strong__ words, \`inline code\` and a [link](../index.md).

## Joining paths

The example below joins a path:

\`\`\`ts example=topic${p % 10}.example0
${body(0)}\`\`\`

| option | default |
|--------|---------|
| jobs   | cores   |

* a step with code:

  \`\`\`ts example=topic${p % 10}.example1 {2}
${indent(body(1), "  ")}  \`\`\`

* a plain step

> Note: hidden setup lines run too.
>
> \`\`\`ts example=topic${p % 10}.example2 full
${indent(body(2), "> ")}> \`\`\`

## Formatting

\`\`\`sh
npm run docs:dev
\`\`\`

\`\`\`ts [format.ts] example=topic${p % 10}.example3
${body(3)}\`\`\`

<div class="tip">Some raw HTML.</div>

${last}
`;
}

test.each([false, true])("bench pages (filled: %s) take the scanner and agree with remark", (filled) => {
  for (let p = 0; p < 40; p++) expect(compare(benchPage(p, filled)), `page ${p}`).toBe(true);
});

test("every fall-back construct alone goes to remark, and agrees", () => {
  for (const construct of fallbacks) expect(compare(`# Title\n\n${construct}\n\n\`\`\`ts example=after.it\n\`\`\`\n`), construct).toBe(false);
});

test.each([
  // a lone `\r` ends a line for CommonMark
  ["# A\rB\n\n```ts example=k\n```\n"],
])("%j goes to remark, and agrees", (text) => {
  expect(compare(text)).toBe(false);
});

test.each([
  // a byte order mark is no part of the body
  ["\ufeff# Title\n\n```ts example=k\n```\n"],
  ["\ufeff```ts example=k\n```\n"],
  // front matter is YAML: an unclosed fence or a comment in it hides nothing
  ["---\ntitle: x\n```\n---\n\n```ts example=k\n```\n"],
  ["\ufeff---\nhead: |\n  <!--\n---\n# Title\n```ts example=k\n```\n"],
  // the body starts after the closing `---`, mid-line
  ["---\ntitle: x\n---# Title *x*\n```ts example=k\n```\n"],
])("%j takes the scanner, and agrees", (text) => {
  expect(compare(text)).toBe(true);
});

test("every simple container alone takes the scanner, and agrees", () => {
  for (const construct of simpleContainers) expect(compare(`# Title\n\n${construct}\n`), construct).toBe(true);
});

test("400 random pages: the scanner takes exactly the simple ones, and agrees with remark", () => {
  let taken = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const { text, simple } = randomPage(seed);
    expect(compare(text), `seed ${seed}:\n${text}`).toBe(simple);
    if (simple) taken++;
  }
  // both kinds are well represented
  expect(taken).toBeGreaterThan(150);
  expect(taken).toBeLessThan(390);
});

test("linear in the headings of a page: 20,000 headings with a `[`, each above a paragraph and a block", { timeout: 15_000 }, () => {
  // each such heading searched the whole page (20 MB here) for a reference definition
  const paragraph = "Words and more words, plain prose without markup. ".repeat(20);
  const text = Array.from({ length: 20_000 }, (_, index) => `## Step [${index}]\n\n${paragraph}\n\n\`\`\`ts example=k${index % 10}\n\`\`\`\n`).join("\n");
  const scanned = scanSimpleFences(text, 0);
  expect(scanned).toHaveLength(40_000);
  expect(scanned![39_998]).toEqual({ type: "heading", text: "Step [19999]" });
});
