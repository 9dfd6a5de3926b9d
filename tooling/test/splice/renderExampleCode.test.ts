import { expect, test } from "vitest";
import { findExamples } from "../../src/find/findExamples.ts";
import { formatProblem } from "../../src/records/Problem.ts";
import { renderExampleCode } from "../../src/splice/renderExampleCode.ts";

/** The code shown for the only example of `text`. */
function render(text: string, full = false) {
  const found = findExamples([{ file: "examples/a.ts", text }]);
  expect(found.problems).toEqual([]);
  const rendered = renderExampleCode(found.examples[0]!, text, { full });
  return { code: rendered.code, problems: rendered.problems.map(formatProblem) };
}

const doc = "/**\n * @example k\n * @expectContains x\n */\n";

test.each([
  // the body, dedented, no imports
  [`${doc}export function f() {\n    const a = 1;\n      console.log(a);\n}\n`, false, "const a = 1;\n  console.log(a);"],
  // `full`: the declaration from `export`, without its JSDoc
  [`${doc}export function f() {\n  console.log(1);\n}\n`, true, "export function f() {\n  console.log(1);\n}"],
  // a body on one line
  [`${doc}export function f() { console.log(1); }\n`, false, "console.log(1);"],
  // an expression-bodied arrow: the expression
  [`${doc}export const f = () => console.log(1);\n`, false, "console.log(1)"],
  // a multi-line expression: its first line lost its indentation, the others keep their shape
  [`${doc}export const f = async () =>\n  await Promise.all([\n    1,\n  ]);\n`, false, "await Promise.all([\n  1,\n])"],
  // template literal lines are data: not dedented, not trimmed
  [`${doc}export function f() {\n  console.log(\`a\n b  \nc\`);\n}\n`, false, "console.log(`a\n b  \nc`);"],
  // blank lines at the ends go, blank lines inside stay (without their spaces)
  [`${doc}export function f() {\n\n  a();\n  \n  b();\n\n}\n`, false, "a();\n\nb();"],
  // CRLF example files
  [`${doc}export function f() {\r\n  a();\r\n  b();\r\n}\r\n`, false, "a();\nb();"],
  // hidden lines
  [`${doc}export function f() {\n  setup(); // hide\n  // hide-start\n  more();\n  // hide-end\n  shown();\n}\n`, false, "shown();"],
])("%j (full: %s)", (text, full, code) => {
  expect(render(text, full)).toEqual({ code, problems: [] });
});

test.each([
  // only the names the body uses, type-only imports kept, specifiers as written
  [
    'import { a, b as c, type T, type U } from "@envelope/platform";\nimport type { V } from \'./v.ts\';\n',
    "const x: T = c(a);",
    'import { a, b as c, type T } from "@envelope/platform";\n\nconst x: T = c(a);',
  ],
  // a declaration whose every name is used is kept exactly as written, on several lines too
  [
    'import {\n  a,\n  b,\n} from "./lib.ts";\n',
    "a(b);",
    'import {\n  a,\n  b,\n} from "./lib.ts";\n\na(b);',
  ],
  // default and namespace imports; the default alone when the named ones are unused
  [
    'import d, { n } from "d";\nimport * as ns from "ns";\n',
    "d(ns.x);",
    'import d from "d";\nimport * as ns from "ns";\n\nd(ns.x);',
  ],
  // property names, object keys, labels and declarations are not uses; shorthand properties are
  [
    'import { a, b, c, d, e } from "x";\n',
    "const o = { a: 1, b };\no.c;\nd: for (;;) break d;\nconst e = 2;",
    'import { b } from "x";\n\nconst o = { a: 1, b };\no.c;\nd: for (;;) break d;\nconst e = 2;',
  ],
  // types: qualified names count by their left side; import attributes are kept
  [
    'import type * as Types from "t";\nimport { data, other } from "./data.json" with { type: "json" };\n',
    "const x: Types.Entry = data;",
    'import type * as Types from "t";\nimport { data } from "./data.json" with { type: "json" };\n\nconst x: Types.Entry = data;',
  ],
  // side-effect imports bind nothing; imports only hidden lines use are left out
  [
    'import "./polyfill.ts";\nimport { setup, use } from "x";\n',
    "setup(); // hide\nuse();",
    'import { use } from "x";\n\nuse();',
  ],
])("imports: %j with %j", (imports, body, code) => {
  const text = `${imports}\n${doc}export async function f() {\n${body.split("\n").map((line) => `  ${line}`).join("\n")}\n}\n`;
  expect(render(text)).toEqual({ code, problems: [] });
});

test("broken hide markers are problems at their line in the example file", () => {
  const text = `${doc}export function f() {\n  a();\n  // hide-start\n  b();\n}\n`;
  expect(render(text).problems).toEqual(["examples/a.ts:7: example `k`: `// hide-start` without a `// hide-end` after it"]);
});
