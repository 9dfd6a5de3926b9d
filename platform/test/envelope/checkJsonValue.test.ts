import { expect, test } from "vitest";
import { Checks } from "../../src/envelope/Checks.ts";
import { checkJsonValue } from "../../src/envelope/checkJsonValue.ts";

const problems = (value: unknown) => {
  const checks = new Checks();
  checkJsonValue(checks, value, "artifact");
  return checks.problems;
};

test("values JSON keeps as they are pass, however deep", () => {
  let deep: unknown = 1;
  for (let level = 0; level < 20_000; level++) deep = [deep];
  for (const value of [null, true, "\ud800 lone", 0, -1.5e300, [1, [2, { a: null }]], Object.create(null), deep]) expect(problems(value)).toEqual([]);
});

test.each([
  // [what JSON.stringify would do to it, value, path, expected]
  ["Infinity becomes null", { weights: [1, Infinity] }, "artifact.weights[1]", "a finite number (JSON has no Infinity or NaN)"],
  ["NaN becomes null", [NaN], "artifact[0]", "a finite number (JSON has no Infinity or NaN)"],
  ["undefined in an array becomes null", [1, undefined], "artifact[1]", "a JSON value (not undefined, a function or a symbol)"],
  ["undefined in an object disappears", { a: undefined }, "artifact.a", "a JSON value (not undefined, a function or a symbol)"],
  ["a function disappears", { f: () => 1 }, "artifact.f", "a JSON value (not undefined, a function or a symbol)"],
  ["a BigInt throws", { n: 10n }, "artifact.n", "a number (JSON.stringify cannot write a BigInt)"],
  ["a Date becomes a string", { at: new Date(0) }, "artifact.at", "a plain object or array (a Date, Map, Set or typed array is not kept as JSON)"],
  ["a Map becomes {}", new Map([[1, 2]]), "artifact", "a plain object or array (a Date, Map, Set or typed array is not kept as JSON)"],
  ["a Float32Array becomes an object of indexes", { w: new Float32Array(2) }, "artifact.w", "a plain object or array (a Date, Map, Set or typed array is not kept as JSON)"],
])("%s: refused at its path", (_why, value, path, expected) => {
  expect(problems(value)).toEqual([expect.objectContaining({ path, expected })]);
});

test("a cycle is refused once, where it closes", () => {
  const value: Record<string, unknown> = { a: [1] };
  (value["a"] as unknown[]).push(value);
  expect(problems(value)).toEqual([{ path: "artifact.a[1]", expected: "a value that does not contain itself" }]);
});
