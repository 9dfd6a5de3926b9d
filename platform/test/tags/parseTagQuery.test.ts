import { expect, test } from "vitest";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { parseTagQuery } from "../../src/tags/parseTagQuery.ts";

test.each([
  // no parameters: everything, newest first, 50
  ["", { tags: {}, latest: false, limit: 50 }],
  // repeated tags; a value may contain '='
  ["tag=region%3Dus&tag=formula%3Da%3Db&latest=true&limit=10", { tags: { region: "us", formula: "a=b" }, latest: true, limit: 10 }],
  // unicode keys and values
  [`tag=${encodeURIComponent("地域=東京")}`, { tags: { "地域": "東京" }, latest: false, limit: 50 }],
  // the same tag twice with the same value is fine
  ["tag=a=1&tag=a=1&latest=0", { tags: { a: "1" }, latest: false, limit: 50 }],
])("parseTagQuery(%s)", (query, expected) => {
  expect(parseTagQuery(new URLSearchParams(query))).toEqual(expected);
});

test("lists every problem of a bad query", () => {
  let error: EnvelopeError | undefined;
  try {
    parseTagQuery(new URLSearchParams("tag=novalue&tag=a=1&tag=a=2&latest=maybe&limit=501&sort=asc"));
  } catch (thrown) {
    error = thrown as EnvelopeError;
  }
  expect(error?.problems.map((problem) => problem.path)).toEqual(["query.tag[0]", "query.tag[2]", "query.latest", "query.limit", "query.sort"]);
});

test("keys named like Object.prototype's members are tags like any other", () => {
  const query = new URLSearchParams("tag=constructor=a&tag=toString=b&tag=hasOwnProperty=c&tag=valueOf=d&tag=constructor=a");
  const parsed = parseTagQuery(query);
  expect(parsed.tags).toEqual({ constructor: "a", toString: "b", hasOwnProperty: "c", valueOf: "d" });
  expect(Object.getPrototypeOf(parsed.tags)).toBe(Object.prototype);
  expect(() => parseTagQuery(new URLSearchParams("tag=constructor=a&tag=constructor=b"))).toThrow(/one value for constructor/);
});
