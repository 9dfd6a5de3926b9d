import { expect, test } from "vitest";
import { batchUsageGroups } from "../../src/store/batchUsageGroups.ts";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";

const event = (at: string, user: string | null, fn = "get", more: Partial<UsageEvent> = {}): UsageEvent => ({
  at, fn, args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user, team: "churn", clientVersion: "0.1.0", model: null, ...more,
});

test("events as clients send them: one day group per UTC day and outcome, the latest time; one first call per user, team and function, the earliest", () => {
  const groups = batchUsageGroups([
    event("2030-01-01T23:59:59.999Z", "ada"),
    event("2030-01-02T00:00:00.000Z", "ada"),
    event("2030-01-01T08:00:00.000Z", "ada"),
    event("2030-01-01T09:00:00.000Z", "bob", "get", { success: false, errorCode: "ENVELOPE_INVALID" }),
    event("2030-01-01T10:00:00.000Z", "bob"),
    event("2030-01-01T07:00:00.000Z", null),
  ]);
  expect(groups.days).toEqual([
    ["2030-01-01T23:59:59.999Z", "churn", "ada", "get", true, null, null, null, 2],
    ["2030-01-02T00:00:00.000Z", "churn", "ada", "get", true, null, null, null, 1],
    ["2030-01-01T09:00:00.000Z", "churn", "bob", "get", false, null, "ENVELOPE_INVALID", null, 1],
    ["2030-01-01T10:00:00.000Z", "churn", "bob", "get", true, null, null, null, 1],
    ["2030-01-01T07:00:00.000Z", "churn", null, "get", true, null, null, null, 1],
  ]);
  expect(groups.firstCalls).toEqual([
    ["ada", "churn", "get", "2030-01-01T08:00:00.000Z", 2],
    ["bob", "churn", "get", "2030-01-01T09:00:00.000Z", 3],
  ]);
});

test.each([
  // same time: the first in the batch
  [["2030-01-01T08:00:00.000Z", "2030-01-01T08:00:00.000Z"], [["ada", "churn", "get", "2030-01-01T08:00:00.000Z", 0]]],
  // another form of time: a candidate of its own, for the database to compare as a time
  [["2030-01-01T08:00:00.000Z", "2030-01-01T07:00:00Z", "2030-01-01T07:00:00Z"], [["ada", "churn", "get", "2030-01-01T08:00:00.000Z", 0], ["ada", "churn", "get", "2030-01-01T07:00:00Z", 1]]],
  // an offset other than Z, even later as text
  [["2030-01-01T08:00:00.000Z", "2030-01-01T09:00:00.000+02:00"], [["ada", "churn", "get", "2030-01-01T08:00:00.000Z", 0], ["ada", "churn", "get", "2030-01-01T09:00:00.000+02:00", 1]]],
])("first calls of %j", (ats, expected) => {
  expect(batchUsageGroups(ats.map((at) => event(at, "ada"))).firstCalls).toEqual(expected);
});

test("a day group of each time in another form, which the text does not place in its UTC day", () => {
  const days = batchUsageGroups([event("2030-01-01T23:00:00.000-02:00", "ada"), event("2030-01-01T23:30:00.000-02:00", "ada"), event("2030-01-01T22:00:00.000Z", "ada")]).days;
  expect(days.map((day) => [day[0], day[8]])).toEqual([["2030-01-01T23:00:00.000-02:00", 1], ["2030-01-01T23:30:00.000-02:00", 1], ["2030-01-01T22:00:00.000Z", 1]]);
});

test("null and an empty string are different groups; a team of null is the first calls' empty team", () => {
  const groups = batchUsageGroups([
    event("2030-01-01T08:00:00.000Z", "ada", "get", { errorMessage: "" }),
    event("2030-01-01T08:00:00.000Z", "ada", "get", { errorMessage: null }),
    event("2030-01-01T09:00:00.000Z", "ada", "get", { team: null }),
    event("2030-01-01T07:00:00.000Z", "ada", "get", { team: "" }),
  ]);
  expect(groups.days.map((day) => [day[1], day[7], day[8]])).toEqual([["churn", "", 1], ["churn", null, 1], [null, null, 1], ["", null, 1]]);
  expect(groups.firstCalls).toEqual([["ada", "churn", "get", "2030-01-01T08:00:00.000Z", 0], ["ada", "", "get", "2030-01-01T07:00:00.000Z", 3]]);
});

test("with ranks (the events' ids less a base), first calls at one time go to the lower rank, not the earlier in the batch", () => {
  // a team of null and an empty team are one first call but two segments: the later event in the batch may have the lower id
  const events = [event("2030-01-01T08:00:00.000Z", "ada", "get", { team: null }), event("2030-01-01T08:00:00.000Z", "ada", "get", { team: "" })];
  expect(batchUsageGroups(events).firstCalls).toEqual([["ada", "", "get", "2030-01-01T08:00:00.000Z", 0]]);
  expect(batchUsageGroups(events, { ranks: [16384, 0] }).firstCalls).toEqual([["ada", "", "get", "2030-01-01T08:00:00.000Z", 0]]);
  expect(batchUsageGroups(events, { ranks: [16384, 5] }).firstCalls).toEqual([["ada", "", "get", "2030-01-01T08:00:00.000Z", 5]]);
});
