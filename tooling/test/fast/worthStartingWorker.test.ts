import { expect, test } from "vitest";
import { worthStartingWorker } from "../../src/fast/worthStartingWorker.ts";

test("another worker is worth starting when the queue outlasts a boot", () => {
  // 10 examples of 50 ms for one worker: 500 ms, against a 150 ms boot
  expect(worthStartingWorker({ bootMs: 150, queued: 10, exampleMs: 50, running: 1 })).toBe(true);
});

test("not for a few quick examples, which the running worker ends before a new one is ready", () => {
  expect(worthStartingWorker({ bootMs: 150, queued: 9, exampleMs: 5, running: 1 })).toBe(false);
});

test("the running workers share the queue", () => {
  // 400 ms of work: more than a boot for one worker, less for four
  expect(worthStartingWorker({ bootMs: 150, queued: 8, exampleMs: 50, running: 1 })).toBe(true);
  expect(worthStartingWorker({ bootMs: 150, queued: 8, exampleMs: 50, running: 4 })).toBe(false);
});

test("always when no example ended within a boot, with examples queued", () => {
  expect(worthStartingWorker({ bootMs: 150, queued: 1, exampleMs: Number.POSITIVE_INFINITY, running: 3 })).toBe(true);
});

test("never with nothing queued, however slow the examples", () => {
  expect(worthStartingWorker({ bootMs: 150, queued: 0, exampleMs: 10_000, running: 1 })).toBe(false);
});
