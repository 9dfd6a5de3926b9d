import { expect, test } from "vitest";
import { decodeEventCursor, encodeEventCursor } from "../../src/store/eventCursor.ts";

const raw = (text: string) => Buffer.from(text).toString("base64url");

test.each([
  // [why, cursor]
  ["an event id of a segment near the top of its sequence (about 2^45)", { at: "2030-01-01T00:00:00.123000Z", id: 2 ** 31 * 16384 + 16383 }],
  ["a row id of `envelope_events`, made before segments", { at: "2030-01-01T00:00:00.000001Z", id: 4_000_000_000 }],
  ["the start of a page", { at: "1970-01-01T00:00:00.000000Z", id: 0 }],
])("%s: decodes to what it was made with", (_why, cursor) => {
  expect(decodeEventCursor(encodeEventCursor(cursor))).toEqual(cursor);
});

test.each([
  // [why, text]
  ["17 digits: beyond what an id can be", raw("2030-01-01T00:00:00.000000Z|12345678901234567")],
  ["milliseconds only", raw("2030-01-01T00:00:00.000Z|1")],
  ["a negative id", raw("2030-01-01T00:00:00.000000Z|-1")],
  ["no id", raw("2030-01-01T00:00:00.000000Z|")],
  ["not base64url of a cursor", "nonsense"],
])("%s is not a cursor", (_why, text) => {
  expect(decodeEventCursor(text)).toBeUndefined();
});
