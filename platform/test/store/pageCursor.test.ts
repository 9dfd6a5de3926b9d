import { expect, test } from "vitest";
import { cursorValues, decodePageCursor, encodePageCursor } from "../../src/store/pageCursor.ts";

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

test("a cursor gives back the values it was made with, for its own list", () => {
  expect(decodePageCursor(encodePageCursor("versions", ["churn", 3]), "versions", ["string", "number"])).toEqual(["churn", 3]);
  expect(decodePageCursor(encodePageCursor("alerts", [0]), "alerts", ["number"])).toEqual([0]);
});

test.each([
  // [why, text, list, kinds]
  ["another list's cursor", encodePageCursor("users", [100]), "errors", ["number"]],
  ["too few values", encodePageCursor("versions", ["churn"]), "versions", ["string", "number"]],
  ["a value of another kind", encodePageCursor("versions", ["churn", "3"]), "versions", ["string", "number"]],
  ["a negative offset", raw(["users", -100]), "users", ["number"]],
  ["a fraction", raw(["users", 1.5]), "users", ["number"]],
  ["not JSON", Buffer.from("users|100").toString("base64url"), "users", ["number"]],
  ["not an array", raw({ list: "users", offset: 100 }), "users", ["number"]],
  ["empty", "", "users", ["number"]],
] as const)("%s is not a cursor", (_why, text, list, kinds) => {
  expect(decodePageCursor(text, list, kinds)).toBeUndefined();
  expect(() => cursorValues(text, list, kinds)).toThrow(expect.objectContaining({ code: "ENVELOPE_INVALID", status: 400, message: expect.stringMatching(new RegExp(`not a cursor of ${list}`)) }));
});
