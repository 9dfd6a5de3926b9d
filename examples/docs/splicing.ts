import { findExamples, splicePage } from "@exemplar/tooling";

/**
 * A keyed block, ```ts example=KEY```, is filled with the imports the example uses and its
 * body. Lines ending in `// hide` run but are not shown; an import nobody shows is left out.
 * @example docs.code-block
 * @expect
 * # Greeting
 *
 * ```ts example=greet.hello
 * import { greet } from "./greet.ts";
 *
 * const message = greet("docs");
 * console.log(message);
 * ```
 */
export function codeBlock() {
  // the example file a writer has: one example, whose check of what it made is hidden from the page
  const exampleFile = [
    'import { strict as assert } from "node:assert";',
    'import { greet } from "./greet.ts";',
    "",
    "/**",
    " * @example greet.hello",
    " * @expect",
    " * hello, docs",
    " */",
    "export function hello() {",
    '  const message = greet("docs");',
    "  console.log(message);",
    '  assert.equal(message, "hello, docs"); // hide',
    "}",
  ].join("\n");
  const { examples } = findExamples([{ file: "examples/greet.ts", text: exampleFile }]);
  const page = ["# Greeting", "", "```ts example=greet.hello", "```", ""].join("\n");
  const spliced = splicePage("docs/greeting.md", page, {
    examples,
    sources: new Map([["examples/greet.ts", exampleFile]]),
  });
  console.log(spliced.after);
}

/**
 * A mistyped key is reported with its page and line, and a suggestion; the page is left as it
 * was, so nothing half-spliced is ever written.
 * @example docs.unknown-key
 * @expect
 * docs/greeting.md:1: unknown example key in `example=greet.helo`: did you mean `greet.hello`?
 * page unchanged: true
 */
export function unknownKey() {
  const exampleFile = '/**\n * @example greet.hello\n * @expect\n * hello\n */\nexport function hello() {\n  console.log("hello");\n}\n';
  const { examples } = findExamples([{ file: "examples/greet.ts", text: exampleFile }]);
  const page = "```ts example=greet.helo\n```\n";
  const spliced = splicePage("docs/greeting.md", page, { examples, sources: new Map([["examples/greet.ts", exampleFile]]) });
  for (const error of spliced.errors) console.log(`${error.file}:${error.line}: ${error.message}`);
  console.log(`page unchanged: ${spliced.after === page}`);
}

/**
 * Blocks inside lists and quotes keep their container: every spliced line gets its prefix.
 * @example docs.containers
 * @expect
 * > Try it:
 * >
 * > ```ts example=greet.hello
 * > import { greet } from "./greet.ts";
 * >
 * > console.log(greet("docs"));
 * > ```
 */
export function containers() {
  const exampleFile = 'import { greet } from "./greet.ts";\n/**\n * @example greet.hello\n * @expect\n * hello, docs\n */\nexport function hello() {\n  console.log(greet("docs"));\n}\n';
  const { examples } = findExamples([{ file: "examples/greet.ts", text: exampleFile }]);
  const page = "> Try it:\n>\n> ```ts example=greet.hello\n> ```\n";
  const spliced = splicePage("docs/greeting.md", page, { examples, sources: new Map([["examples/greet.ts", exampleFile]]) });
  console.log(spliced.after);
}
