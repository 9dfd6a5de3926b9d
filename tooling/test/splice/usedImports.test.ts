import { expect, test } from "vitest";
import { parseExampleSource } from "../../src/find/parseExampleSource.ts";
import { usedImports } from "../../src/splice/usedImports.ts";

/** The import lines of `code` kept for `used`. */
function imports(code: string, used: string[]): string[] {
  // parsed as the examples are: no parent links
  const sourceFile = parseExampleSource("a.ts", code);
  return usedImports(sourceFile, new Set(used));
}

test.each([
  // nothing used: nothing kept
  ['import { a } from "x";', [], []],
  // all used: as written, quotes and all
  ["import { a, b } from 'x'", ["a", "b"], ["import { a, b } from 'x'"]],
  // some used: rebuilt, aliases and `type` kept, semicolon as written
  ['import { a as b, type T, c } from "@envelope/platform";', ["b", "T"], ['import { a as b, type T } from "@envelope/platform";']],
  // `import type` stays type-only
  ['import type { T, U } from "./t.ts";', ["U"], ['import type { U } from "./t.ts";']],
  // default with unused named bindings; namespace
  ['import d, { n } from "d";\nimport * as ns from "ns";', ["d", "ns"], ['import d from "d";', 'import * as ns from "ns";']],
  // side-effect imports and imports after other statements (in file order)
  ['import "./p.ts";\nconst z = 1;\nimport { a } from "x";', ["a"], ['import { a } from "x";']],
])("%j using %j", (code, used, expected) => {
  expect(imports(code, used)).toEqual(expected);
});
