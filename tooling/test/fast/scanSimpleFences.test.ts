import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { findKeyedBlocks, frontMatterLength } from "../../src/splice/findKeyedBlocks.ts";
import { scanSimpleFences } from "../../src/fast/scanSimpleFences.ts";
import { fixtures } from "../splice/fixtureContext.ts";

// the line scanner may only take a page when it finds what remark finds, byte for byte:
// every page below is read both ways and the results must be deeply, strictly equal

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Both paths on one page; returns whether the scanner took it. */
function compare(text: string, file = "docs/page.md"): boolean {
  const remark = findKeyedBlocks(text, file, { remarkOnly: true });
  expect(findKeyedBlocks(text, file)).toStrictEqual(remark);
  return scanSimpleFences(text, frontMatterLength(text)) !== undefined;
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

/** mulberry32: a small seeded generator, so a failing page can be rebuilt from its seed */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(items: readonly T[]) => T;

const headings = [
  "# Plain title", "## Two  spaces  inside  ", "### Closing hashes ###", "## Closing then spaces ##   ", "# Trailing spaces   ", "## x # y ##", "#### Not closing#", "# #", "##",
  "## Use *the* `registry`", "# [A link](./x.md) and ![img](y.png)", "## a &amp; b &copy;", "### \\# escaped",
  "# <b>html</b> inline", "#\tTab heading", "## Unicode 🎉 ünïcode", "#hashtag is a paragraph", "####### seven is a paragraph",
];
const paragraphs = [
  "Some text with *x* and `y`.", "Unicode 🎉 text, then more.", "| a | b |\n|---|---|\n| 1 | 2 |",
  "A line\nand its continuation ```not a fence", "Emphasis __strong__ and a [link](x.md).", "1.5 million -foo +bar *emph*",
  "A paragraph\n```ts example=inter.rupted\n```",
];
const infos = ["ts example=a.b", "ts example=a.b full {2}", "text example-output=k.out", "ts", "js static", "sh", "", "ts example=", "ts [x.ts] example=c/d", " ts example=spaced", "ts example=Bad Key"];

function fence(pick: Pick, rnd: () => number): string {
  const char = pick(["`", "~"]);
  const open = char.repeat(3 + Math.floor(rnd() * 3));
  const other = char === "`" ? "~" : "`";
  // content that must not close the fence: the other character, a shorter run, or a run with info
  const contents = ["const x = 1;", "", "# not a heading", "> not a quote", "- not a list", "    indented", "<div>", "===",
    `${other.repeat(3)}`, `${other.repeat(open.length + 1)}ts example=in.side`, `${char.repeat(3)}ts example=nested.looking`];
  if (open.length > 3) contents.push(char.repeat(3), char.repeat(open.length - 1));
  const lines = Array.from({ length: Math.floor(rnd() * 4) }, () => pick(contents));
  const info = pick(infos);
  return [`${open}${char === "`" && info.includes("`") ? "" : info}`, ...lines, `${char.repeat(open.length + Math.floor(rnd() * 2))}${pick(["", "  "])}`].join("\n");
}

/** Containers the scanner takes: blank-line separated, every line with its prefix. */
const simpleContainers = [
  "* step:\n\n  ```ts example=l.one {2}\n  x\n  ```\n\n* plain step",
  "> Note\n>\n> ```ts example=q.one full\n> x\n>\n> ```",
  ">```ts example=q.tight\n>```",
  "1. ```ts example=o.one\n   ```\n\n2) # heading *in* item\n\n   ~~~js\n   y\n   ~~~",
  "- a\n\n  > ```ts example=n.ested\n  > ```",
  "> # Quoted `heading`\n> ```js\n> y\n> ```",
  "<div class=\"tip\">Some raw HTML.</div>",
  "<details>\n<summary>More</summary>\n\ntext\n\n</details>",
];

/** Each of these must send the page to remark. */
const fallbacks = [
  "- item\nlazy continuation", "> quote\nlazy continuation", "  indented paragraph", "    indented code example=k",
  "Setext\n======", "Setext two\n---", "***", "- - -", "\ttab-led line",
  "<!-- ```ts example=in.comment\n``` -->", "<pre>\n```ts example=in.pre\n```\n</pre>", "<div>\n# heading in html\n</div>",
  "- ```ts example=l.azy\ncode\n  ```", "  ```ts example=i.ndented\n  x\n  ```", "```ts example=c.losed\nx\n  ```\n```",
  "```ts `x`\ncode\n```", "foo\n- item interrupting", "# See [ref]\n\n[ref]: https://example.com", "- \n  empty first line",
  "> ```ts example=q.unclosed\n> x", "-\tx",
];

function randomPage(seed: number): { text: string; simple: boolean } {
  const rnd = random(seed);
  const pick: Pick = (items) => items[Math.floor(rnd() * items.length)]!;
  const parts: string[] = [];
  let simple = true;
  if (rnd() < 0.4) parts.push(pick(["---\ntitle: x\n---", "---\ntitle: x\n\nother: y\n---", "---\n---", "---\n# yaml comment\n---"]));
  const count = 3 + Math.floor(rnd() * 8);
  for (let i = 0; i < count; i++) {
    const kind = rnd();
    if (kind < 0.2) parts.push(pick(headings));
    else if (kind < 0.4) parts.push(pick(paragraphs));
    else if (kind < 0.75) parts.push(fence(pick, rnd));
    else if (kind < 0.9) parts.push(pick(simpleContainers));
    else if (rnd() < 0.5) {
      parts.push(pick(fallbacks));
      simple = false;
    }
  }
  if (rnd() < 0.05) {
    parts.push("```ts example=un.closed\nnever closed");
    simple = false;
  }
  let text = parts.join("\n\n") + pick(["\n", "", "\n\n"]);
  if (rnd() < 0.2) text = text.replace(/\n/g, "\r\n");
  return { text, simple };
}

test("every fall-back construct alone goes to remark, and agrees", () => {
  for (const construct of fallbacks) expect(compare(`# Title\n\n${construct}\n\n\`\`\`ts example=after.it\n\`\`\`\n`), construct).toBe(false);
});

test.each([
  // a lone `\r` ends a line for CommonMark
  ["# A\rB\n\n```ts example=k\n```\n"],
  // micromark skips a byte order mark
  ["\ufeff# Title\n\n```ts example=k\n```\n"],
  // an unclosed fence in front matter swallows the page
  ["---\ntitle: x\n```\n---\n\n```ts example=k\n```\n"],
])("%j goes to remark, and agrees", (text) => {
  expect(compare(text)).toBe(false);
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
