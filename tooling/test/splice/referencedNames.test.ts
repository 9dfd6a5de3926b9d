import { expect, test } from "vitest";
import { parseExampleSource } from "../../src/find/parseExampleSource.ts";
import { referencedNames } from "../../src/splice/referencedNames.ts";

/** The names `code` refers to, all of it in range. */
function names(code: string, include?: (position: number) => boolean): string[] {
  // parsed as the examples are: no parent links
  const sourceFile = parseExampleSource("a.ts", code);
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
