import { expect, test } from "vitest";
import { referencedNames } from "../../src/splice/referencedNames.ts";
import { ts } from "../../src/typescript.ts";

/** The names `code` refers to, all of it in range. */
function names(code: string, include?: (position: number) => boolean): string[] {
  const sourceFile = ts.createSourceFile("a.ts", code, ts.ScriptTarget.ES2023, true, ts.ScriptKind.TS);
  return [...referencedNames(sourceFile, 0, code.length, include)].sort();
}

test.each([
  // calls, arguments, `new`
  ["f(a); new C(b);", ["C", "a", "b", "f"]],
  // property access counts only its object; qualified type names only their left side
  ["o.p.q; let x: NS.T;", ["NS", "o"]],
  // object keys and shorthand properties
  ["({ k: v, s });", ["s", "v"]],
  // declared names are not uses, their initializers are
  ["const a = b; function g(p) {} class K {}", ["b"]],
  // destructuring: the property name and the new name are not uses, the default is
  ["const { p: q = d } = o;", ["d", "o"]],
  // labels
  ["l: for (;;) { break l; }", []],
  // types
  ["let x: T<U> = y as V;", ["T", "U", "V", "y"]],
])("%j", (code, expected) => {
  expect(names(code)).toEqual(expected);
});

test("`include` leaves out identifiers it rejects (hidden lines)", () => {
  expect(names("a();\nb();", (position) => position < 4)).toEqual(["a"]);
});
