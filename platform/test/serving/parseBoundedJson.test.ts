import { expect, test } from "vitest";
import { jsonDepth, parseBoundedJson } from "../../src/serving/parseBoundedJson.ts";

const bytes = (text: string) => Buffer.from(text, "utf8");

test.each([
  // text, depth
  ["1", 0],
  ['{"rows":[{"x":1}]}', 3],
  ['{"rows":[{"x":"[[[[{{{{"}]}', 3], // brackets in strings do not count
  ['{"a":"\\"[[["}', 1], // nor after an escaped quote
  ['["é", ["ü"]]', 2], // multi-byte characters read as bytes
  ["[[],[[]],[]]", 3],
])("jsonDepth(%j) is %i", (text, depth) => {
  expect(jsonDepth(bytes(text), 64)).toBe(depth);
});

test("jsonDepth stops once past the limit", () => {
  expect(jsonDepth(bytes("[".repeat(100_000)), 64)).toBe(65);
});

test("nesting past the limit is a 413 naming the limit, before parsing; within it, JSON.parse's value", () => {
  const deep = `{"rows":${"[".repeat(5000)}${"]".repeat(5000)}}`;
  expect(() => parseBoundedJson(bytes(deep), 64)).toThrowError(expect.objectContaining({ code: "ENVELOPE_TOO_LARGE", status: 413, message: "request body nests arrays and objects more than 64 levels deep; the limit is 64 levels", details: { maxDepth: 64 } }));
  expect(parseBoundedJson(bytes('{"rows":[{"x":1}]}'), 3)).toEqual({ rows: [{ x: 1 }] });
  expect(() => parseBoundedJson(bytes("[[[[1]]]]"), 3)).toThrowError(/the limit is 3 levels/);
});

test.each([
  // body, message
  ["", /^request body is empty; expected a JSON document$/],
  ["{not json", /^request body is not valid JSON: /],
])("%j is a 400 ENVELOPE_MALFORMED_JSON", (body, message) => {
  expect(() => parseBoundedJson(bytes(body), 64)).toThrowError(expect.objectContaining({ code: "ENVELOPE_MALFORMED_JSON", status: 400, message: expect.stringMatching(message) }));
});
