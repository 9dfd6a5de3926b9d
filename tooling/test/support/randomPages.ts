// random Markdown pages for the tests that hold two readers of a page equal: the line scanner
// against remark (`fast/scanSimpleFences.test.ts`), the block-level remark parse against a full
// one (`splice/remarkFences.test.ts`)

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
export const simpleContainers = [
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
export const fallbacks = [
  "- item\nlazy continuation", "> quote\nlazy continuation", "  indented paragraph", "    indented code example=k",
  "Setext\n======", "Setext two\n---", "***", "- - -", "\ttab-led line",
  "<!-- ```ts example=in.comment\n``` -->", "<pre>\n```ts example=in.pre\n```\n</pre>", "<div>\n# heading in html\n</div>",
  "- ```ts example=l.azy\ncode\n  ```", "  ```ts example=i.ndented\n  x\n  ```", "```ts example=c.losed\nx\n  ```\n```",
  "```ts `x`\ncode\n```", "foo\n- item interrupting", "# See [ref]\n\n[ref]: https://example.com", "- \n  empty first line",
  "> ```ts example=q.unclosed\n> x", "-\tx",
];

export function randomPage(seed: number): { text: string; simple: boolean } {
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
