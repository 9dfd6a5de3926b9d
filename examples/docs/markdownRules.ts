import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findExamples, formatProblem, openProject, resolveConfig, splicePage } from "@exemplar/tooling";

/**
 * Front matter is YAML, read with the boundaries VitePress reads it with: a fence or a comment
 * in a YAML string hides nothing, and a byte order mark stays where it was.
 * @example docs.markdown.front-matter
 * @expect
 * byte order mark kept: true
 * ---
 * description: |
 *   Shows a block:
 *   ```ts
 *   and an html comment: <!--
 * ---
 *
 * ```ts example=greet.hello
 * console.log("hello");
 * ```
 */
export function frontMatter() {
  const exampleFile = '/**\n * @example greet.hello\n * @expect\n * hello\n */\nexport function hello() {\n  console.log("hello");\n}\n';
  const { examples } = findExamples([{ file: "examples/greet.ts", text: exampleFile }]);
  const page = "\ufeff---\ndescription: |\n  Shows a block:\n  ```ts\n  and an html comment: <!--\n---\n\n```ts example=greet.hello\n```\n";
  const spliced = splicePage("docs/greeting.md", page, { examples, sources: new Map([["examples/greet.ts", exampleFile]]) });
  console.log(`byte order mark kept: ${spliced.after.startsWith("\ufeff")}`);
  console.log(spliced.after.slice(1));
}

/**
 * The opening fence decides how filled lines are indented, whatever the closing fence's prefix:
 * here a list item's fence sits at 4 spaces and closes at 2. Fences keep their length.
 * @example docs.markdown.indentation
 * @expect
 * - Define it:
 *
 *     ```ts example=greet.full full
 *     export function hello() {
 *       console.log("hello");
 *     }
 *   ```
 *
 * ```ts example=greet.full full
 * export function hello() {
 *   console.log("hello");
 * }
 * `````
 */
export function indentation() {
  const exampleFile = '/**\n * @example greet.full\n * @expect\n * hello\n */\nexport function hello() {\n  console.log("hello");\n}\n';
  const { examples } = findExamples([{ file: "examples/greet.ts", text: exampleFile }]);
  const page = "- Define it:\n\n    ```ts example=greet.full full\n  ```\n\n```ts example=greet.full full\n`````\n";
  const spliced = splicePage("docs/greeting.md", page, { examples, sources: new Map([["examples/greet.ts", exampleFile]]) });
  console.log(spliced.after);
}

/**
 * What the splicer cannot get right it refuses, naming the page and the line: front matter
 * never closed (VitePress would show nothing of the page), and bytes that are not UTF-8.
 * @example docs.markdown.refused
 * @expect
 * docs/draft.md:1:1: front matter opened by `---` is never closed: VitePress reads the whole page as front matter and shows none of it; close it with a line `---`
 * docs/latin1.md:3:4: not UTF-8: byte 0xe9 at offset 12 is no UTF-8 character; VitePress and exemplar read pages as UTF-8 (exemplar would write U+FFFD in its place), so the page is left as is: save it as UTF-8
 */
export async function refused() {
  const root = mkdtempSync(path.join(tmpdir(), "markdown-rules-"));
  mkdirSync(path.join(root, "docs"));
  mkdirSync(path.join(root, "examples"));
  writeFileSync(path.join(root, "examples", "greet.ts"), '/**\n * @example greet.hello\n * @expect\n * hello\n */\nexport const hello = () => console.log("hello");\n');
  writeFileSync(path.join(root, "docs", "draft.md"), "---\ntitle: Draft\n\n```ts example=greet.hello\n```\n");
  // `café` saved as Latin-1: its `é` is the byte 0xe9
  writeFileSync(path.join(root, "docs", "latin1.md"), Buffer.concat([Buffer.from("# Title\n\ncaf"), Buffer.from([0xe9]), Buffer.from("\n")]));
  const project = await openProject(resolveConfig({ examples: ["examples/*.ts"], docs: "docs" }, root));
  for (const page of project.pages!) for (const problem of page.found.problems) console.log(formatProblem(problem));
  rmSync(root, { recursive: true, force: true });
}
