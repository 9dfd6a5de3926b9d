import { expect, test } from "vitest";
import { failuresComplete, newestFailures, readChunk, type FailureEvent } from "../../src/store/newestFailures.ts";

const event = (at: number, id: number): FailureEvent => ({ at, id, fn: "get", errorCode: null, message: `${at}/${id}` });

test("newestFailures keeps the newest by (at, id), newest first", () => {
  expect(newestFailures([event(1, 5), event(2, 1), event(2, 3), event(0, 9)], 3).map((failure) => failure.message)).toEqual(["2/3", "2/1", "1/5"]);
});

test("readChunk: each segment counted once, its failures' ids by rule 4, the last segment the lowest (last failure, id)", () => {
  const chunk = readChunk([
    { segment: 7, lastFailureAt: 50, at: 50, n: 1, fn: "get", errorCode: "E", message: "a" },
    { segment: 7, lastFailureAt: 50, at: 40, n: 3, fn: "get", errorCode: "E", message: "b" },
    { segment: 3, lastFailureAt: 30, at: null, n: null, fn: null, errorCode: null, message: null },
    { segment: 4, lastFailureAt: 30, at: 30, n: 2, fn: "save", errorCode: null, message: null },
  ]);
  expect(chunk.segments).toBe(3);
  expect(chunk.last).toEqual({ lastFailureAt: 30, id: 3 });
  expect(chunk.failures.map((failure) => failure.id)).toEqual([7 * 16_384, 7 * 16_384 + 2, 4 * 16_384 + 1]);
  expect(readChunk([])).toEqual({ failures: [], segments: 0, last: null });
});

// the last segment read has its latest failure at 100 and id 10: every segment after it in
// reading order has failures before 100, or at 100 with ids below 10 * 16384
test.each([
  ["fewer than the limit found", [event(200, 1)], false],
  ["the limit's last newer than the segment's latest failure", [event(200, 1), event(101, 1)], true],
  ["the same time, an id of that segment or a later one", [event(200, 1), event(100, 10 * 16_384)], true],
  ["the same time, an id an earlier segment could beat", [event(200, 1), event(100, 10 * 16_384 - 1)], false],
  ["older than the segment's latest failure", [event(200, 1), event(99, 99 * 16_384)], false],
])("failuresComplete with a limit of 2: %s", (_name, newest, complete) => {
  expect(failuresComplete(newest, 2, { lastFailureAt: 100, id: 10 })).toBe(complete);
});
