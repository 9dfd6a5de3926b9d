import { expect, test } from "vitest";
import { fillWeeks } from "../../src/store/usageBreakdownQueries.ts";
import type { Store } from "../../src/store/Store.ts";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";
import { eachStore, unique } from "../support/eachStore.ts";
import { walkPages } from "../support/walkPages.ts";

const since = "2030-01-02T12:00:00.000Z";

/**
 * A known history in a team of its own. The window starts at noon on 2 January: ada's first
 * call that morning is before it; her failure that evening is in its first, partial day (counted
 * from the events), the rest in whole days (counted from `envelope_usage_days`). 2030-01-01 is
 * a Tuesday: weeks start on 2029-12-31, 2030-01-07, -14 (nobody new) and -21.
 */
async function history(store: Store) {
  const team = unique("team");
  const event = (at: string, user: string | null, fn: string, error?: [string, string]): UsageEvent => ({
    at: `2030-01-${at}:00.000Z`,
    fn,
    args: [],
    success: !error,
    errorClass: error ? "EnvelopeError" : null,
    errorCode: error?.[0] ?? null,
    errorMessage: error?.[1] ?? null,
    durationMs: 1,
    user,
    team,
    clientVersion: "0.1.0",
    model: null,
  });
  const invalid: [string, string] = ["ENVELOPE_INVALID", "bad"];
  await store.recordEvents([event("02T06:00", "ada", "save"), event("02T18:00", "ada", "save", invalid), event("05T10:00", "ada", "get"), event("05T11:00", "bob", "save", invalid)]);
  await store.recordEvents([event("09T00:00", "bob", "save", ["ENVELOPE_FORBIDDEN", "not yours"]), event("09T00:00", null, "get", ["ENVELOPE_NETWORK", "down"]), event("13T00:00", "cy", "find"), event("21T00:00", "dan", "whoami")]);
  return { team };
}

test("fillWeeks adds the weeks without new users between the first and the last", () => {
  expect(fillWeeks([{ week: "2029-12-31", users: 2 }, { week: "2030-01-21", users: 1 }])).toEqual([
    { week: "2029-12-31", users: 2 },
    { week: "2030-01-07", users: 0 },
    { week: "2030-01-14", users: 0 },
    { week: "2030-01-21", users: 1 },
  ]);
  expect(fillWeeks([])).toEqual([]);
});

await eachStore("usageBreakdownQueries", (store, ready) => {
  test.skipIf(!ready())("new users per week, empty weeks included; functions with calls, failures and users", async () => {
    const { team } = await history(store());
    expect(await store().newUsersByWeek({ since, team })).toEqual([
      { week: "2029-12-31", users: 1 },
      { week: "2030-01-07", users: 1 },
      { week: "2030-01-14", users: 0 },
      { week: "2030-01-21", users: 1 },
    ]);
    expect(await store().usageByFunction({ since, team })).toEqual([
      { fn: "save", calls: 3, failures: 3, failureRate: 1, users: 2 },
      { fn: "get", calls: 2, failures: 1, failureRate: 0.5, users: 1 },
      { fn: "find", calls: 1, failures: 0, failureRate: 0, users: 1 },
      { fn: "whoami", calls: 1, failures: 0, failureRate: 0, users: 1 },
    ]);
    // a window starting later, at 10:30 on 5 January: ada's get at 10:00 is left out
    expect((await store().usageByFunction({ since: "2030-01-05T10:30:00Z", team })).map((row) => [row.fn, row.calls])).toEqual([["save", 2], ["find", 1], ["get", 1], ["whoami", 1]]);
  });

  test.skipIf(!ready())("errors grouped by function, code and message, most frequent first, with users and last time", async () => {
    const { team } = await history(store());
    const { errors, next } = await store().usageErrors({ since, team, limit: 100 });
    expect(next).toBeNull();
    expect(errors).toEqual([
      { fn: "save", errorClass: "EnvelopeError", errorCode: "ENVELOPE_INVALID", message: "bad", count: 2, users: 2, lastAt: "2030-01-05T11:00:00.000Z" },
      { fn: "get", errorClass: "EnvelopeError", errorCode: "ENVELOPE_NETWORK", message: "down", count: 1, users: 0, lastAt: "2030-01-09T00:00:00.000Z" },
      { fn: "save", errorClass: "EnvelopeError", errorCode: "ENVELOPE_FORBIDDEN", message: "not yours", count: 1, users: 1, lastAt: "2030-01-09T00:00:00.000Z" },
    ]);
    expect((await store().usageErrors({ since, team, fn: "get", limit: 100 })).errors.map((error) => error.errorCode)).toEqual(["ENVELOPE_NETWORK"]);
  });

  test.skipIf(!ready())("users by calls, a page at a time: following `next` reads each once", async () => {
    const { team } = await history(store());
    const { rows, pages } = await walkPages(async (after) => {
      const page = await store().usageUsers({ since, team, limit: 1, ...(after === undefined ? {} : { after }) });
      return { rows: page.users, next: page.next };
    });
    expect(pages).toBe(4);
    expect(rows).toEqual([
      { user: "ada", team, firstAt: "2030-01-02T06:00:00.000Z", calls: 2, failures: 1 },
      { user: "bob", team, firstAt: "2030-01-05T11:00:00.000Z", calls: 2, failures: 2 },
      { user: "cy", team, firstAt: "2030-01-13T00:00:00.000Z", calls: 1, failures: 0 },
      { user: "dan", team, firstAt: "2030-01-21T00:00:00.000Z", calls: 1, failures: 0 },
    ]);
    await expect(store().usageUsers({ since, team, limit: 1, after: "eyJub3QiOiJvdXJzIn0" })).rejects.toMatchObject({ code: "ENVELOPE_INVALID", status: 400 });
  });

  test.skipIf(!ready())("concurrent batches counting into the same days and groups are all counted", async () => {
    const team = unique("team");
    const event = (index: number): UsageEvent => ({ at: new Date(Date.UTC(2030, 0, 1 + (index % 5), 12)).toISOString(), fn: `fn${index % 7}`, args: [], success: index % 3 !== 0, errorClass: null, errorCode: index % 3 === 0 ? "ENVELOPE_INVALID" : null, errorMessage: null, durationMs: 1, user: `u${index % 11}`, team, clientVersion: "0.1.0", model: null });
    // the same groups in opposite orders, at once
    const batches = Array.from({ length: 12 }, (_, batch) => (batch % 2 === 0 ? (list: UsageEvent[]) => list : (list: UsageEvent[]) => list.reverse())(Array.from({ length: 300 }, (_, index) => event(index))));
    await Promise.all(batches.map((events) => store().recordEvents(events)));
    const functions = await store().usageByFunction({ since: "2029-12-31T00:00:00Z", team });
    expect(functions.reduce((sum, row) => sum + row.calls, 0)).toBe(12 * 300);
    expect(functions.reduce((sum, row) => sum + row.failures, 0)).toBe(12 * 100);
  }, 60_000);

  test.skipIf(!ready())("one user: calls per function and latest failures, newest first", async () => {
    const { team } = await history(store());
    expect(await store().userUsage("bob", { since, team })).toEqual({
      user: "bob",
      functions: [{ fn: "save", calls: 2, failures: 2 }],
      recentFailures: [
        { at: "2030-01-09T00:00:00.000Z", fn: "save", errorCode: "ENVELOPE_FORBIDDEN", message: "not yours" },
        { at: "2030-01-05T11:00:00.000Z", fn: "save", errorCode: "ENVELOPE_INVALID", message: "bad" },
      ],
    });
    expect((await store().userUsage("ada", { since, team })).functions).toEqual([{ fn: "get", calls: 1, failures: 0 }, { fn: "save", calls: 1, failures: 1 }]);
    expect(await store().userUsage("nobody", { since, team })).toEqual({ user: "nobody", functions: [], recentFailures: [] });
  });
});
