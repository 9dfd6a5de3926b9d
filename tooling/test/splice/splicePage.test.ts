import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { formatProblem } from "../../src/records/Problem.ts";
import { splicePage } from "../../src/splice/splicePage.ts";
import { fixtures, goldenContext } from "./fixtureContext.ts";

const golden = path.join(fixtures, "golden");
const pages = readdirSync(golden).filter((name) => name.endsWith(".md") && !name.endsWith(".expected.md")).sort();

describe("splicePage golden pages", () => {
  const context = goldenContext();

  test("there are golden pages, and the CRLF, CR-only and BOM ones really are", () => {
    expect(pages).toEqual(["basic.md", "bom.md", "containers.md", "cr-only.md", "crlf.md", "fences.md", "hide-and-full.md", "prefixes.md"]);
    expect(readFileSync(path.join(golden, "crlf.md"), "utf8")).toMatch(/\r\n/);
    expect(readFileSync(path.join(golden, "cr-only.md"), "utf8")).toMatch(/^[^\n]*\r[^\n]*$/);
    expect([...readFileSync(path.join(golden, "bom.md")).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test.each(pages)("%s splices to %s's .expected.md", (name) => {
    const input = readFileSync(path.join(golden, name), "utf8");
    const expectedFile = path.join(golden, name.replace(/\.md$/, ".expected.md"));
    const page = splicePage(`docs/${name}`, input, context);
    expect(page.errors.map(formatProblem)).toEqual([]);
    if (process.env.UPDATE === "1" || !existsSync(expectedFile)) writeFileSync(expectedFile, page.after);
    expect(page.after).toBe(readFileSync(expectedFile, "utf8"));
  });

  test.each(pages)("%s: splicing the expected page again changes nothing", (name) => {
    const expected = readFileSync(path.join(golden, name.replace(/\.md$/, ".expected.md")), "utf8");
    expect(splicePage(`docs/${name}`, expected, context).after).toBe(expected);
  });

  test("basic.md: untested snippets are warnings, and errors with strict (the page is then left as is)", () => {
    const input = readFileSync(path.join(golden, "basic.md"), "utf8");
    expect(splicePage("docs/basic.md", input, context).warnings.map(formatProblem)).toEqual([]);
    const withSnippet = `${input}\n\`\`\`ts\nconst untested = 1;\n\`\`\`\n`;
    const lenient = splicePage("docs/basic.md", withSnippet, context);
    expect(lenient.warnings.map(formatProblem)).toEqual([
      "docs/basic.md:44:1: untested `ts` snippet: add `example=KEY` to show a tested example, or `static` to keep it as is",
    ]);
    expect(lenient.after).not.toBe(withSnippet);
    const strict = splicePage("docs/basic.md", withSnippet, context, { strict: true });
    expect(strict.errors.map(formatProblem)).toEqual(lenient.warnings.map(formatProblem));
    expect(strict.after).toBe(withSnippet);
  });
});

describe("splicePage bad input: each is an error at the block, and the page is left as is", () => {
  test.each([
    // a typo in the key gets a suggestion
    ["```ts example=registry.save-and-fnd\n```\n", "docs/bad.md:1: unknown example key in `example=registry.save-and-fnd`: did you mean `registry.save-and-find`?", {}],
    // a key nothing resembles
    ["```ts example=nothing.like.it\n```\n", "docs/bad.md:1: unknown example key in `example=nothing.like.it`: no @example has this key", {}],
    // the output of an example that failed in this run is not shown
    ["text\n\n```text example-output=registry.save-and-find\n```\n", "docs/bad.md:3: `example-output=registry.save-and-find`: example examples/golden.ts:14 failed in this run (expected `found: envelope`, got nothing): its output is not shown until it passes", { "registry.save-and-find": "failed" as const }],
    // a skipped example has no output
    ["```text example-output=greet.arrow\n```\n", "docs/bad.md:1: `example-output=greet.arrow`: example examples/golden.ts:55 did not run, so it has no output to show", { "greet.arrow": "skipped" as const }],
    // `example=` with nothing
    ["```ts example=\n```\n", "docs/bad.md:1:1: `example=` needs a key: expected `example=KEY` or `example-output=KEY` with a key of lowercase letters, digits, `.`, `-` and `/`", {}],
    // bad characters in the key
    ["```ts example=Registry_Save\n```\n", "docs/bad.md:1:1: invalid example key `Registry_Save` in `example=Registry_Save`: expected `example=KEY` or `example-output=KEY` with a key of lowercase letters, digits, `.`, `-` and `/`", {}],
    // an unterminated fence runs to the end of the document
    ["# Title\n\n```ts example=greet.arrow\nconsole.log(1)\n", "docs/bad.md:3:1: unterminated code fence ```` ``` ````: it runs to the end of the document; close it with a line ```` ``` ````", {}],
    // in a blockquote, remark ends it with the quote
    ["> ```ts example=greet.arrow\n> old\n\nafter\n", "docs/bad.md:1:3: unterminated code fence ```` ``` ````: it runs to the end of the list item or blockquote; close it with a line ```` ``` ````", {}],
  ])("%j", (input, message, statuses) => {
    const page = splicePage("docs/bad.md", input, goldenContext(statuses));
    expect(page.errors.map(formatProblem)).toEqual([message.replaceAll("```` ``` ````", "`" + "```" + "`")]);
    expect(page.after).toBe(input);
  });

  test("a page with one bad block keeps its good blocks unspliced too", () => {
    const input = "```ts example=greet.arrow\n```\n\n```ts example=nope\n```\n";
    const page = splicePage("docs/bad.md", input, goldenContext());
    expect(page.errors).toHaveLength(1);
    expect(page.after).toBe(input);
  });
});
