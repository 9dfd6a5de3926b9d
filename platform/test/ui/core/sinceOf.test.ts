import { expect, it } from "vitest";
import { sinceOf } from "../../../src/ui/core/sinceOf.ts";

const now = new Date("2026-11-30T12:00:00.000Z");

it.each([
  [{}, "2026-11-02T12:00:00.000Z"],
  [{ days: "7" }, "2026-11-23T12:00:00.000Z"],
  // not a positive number: the default
  [{ days: "-3" }, "2026-11-02T12:00:00.000Z"],
  [{ days: "soon" }, "2026-11-02T12:00:00.000Z"],
])("%j", (params, since) => {
  expect(sinceOf(params, now)).toBe(since);
});
