import { expect, test } from "vitest";
import { usageBreakdownQueries } from "../../src/store/usageBreakdownQueries.ts";
import { usageQueries } from "../../src/store/usageQueries.ts";
import { eachDatabase } from "../support/eachDatabase.ts";
import { unique } from "../support/eachStore.ts";
import { countDays, insertSegment } from "../support/insertSegment.ts";

// the window's usage (usageRows): since's own day counted from the events of the segments, the
// days after it from the daily counts; segments and counts written straight into the tables
await eachDatabase("usageRows", (db) => {
  test("the first day counts the events at or after since, of segments that straddle it too; the days after from the daily counts, once", async (context) => {
    const database = db();
    if (!database) return context.skip();
    const team = unique("team");
    // since is half past 12:00:00; the first segment starts before it and ends after it
    const since = "2030-03-02T12:00:00.500Z";
    await insertSegment(database, team, "ada", [
      { at: "2030-03-02T12:00:00.200Z", fn: "get" },
      { at: "2030-03-02T12:00:00.500Z", fn: "get" },
      { at: "2030-03-02T12:00:00.900Z", fn: "save", code: "ENVELOPE_INVALID", message: "bad" },
    ]);
    // starts less than a second before since, so it is read, but none of its events counts
    await insertSegment(database, team, "ada", [{ at: "2030-03-02T11:59:59.700Z", fn: "get" }]);
    await insertSegment(database, team, "bob", [{ at: "2030-03-02T23:59:59.999Z", fn: "find" }]);
    // the next day: from the daily counts only, not from its segment too
    await insertSegment(database, team, "bob", [{ at: "2030-03-03T00:00:00.000Z", fn: "find" }]);
    await insertSegment(database, team, "bob", [{ at: "2030-03-01T20:00:00.000Z", fn: "find" }]);
    await countDays(database, team);
    const queries = usageBreakdownQueries(database);
    expect(await queries.usageByFunction({ since, team })).toEqual([
      { fn: "find", calls: 2, failures: 0, failureRate: 0, users: 1 },
      { fn: "get", calls: 1, failures: 0, failureRate: 0, users: 1 },
      { fn: "save", calls: 1, failures: 1, failureRate: 1, users: 1 },
    ]);
    // since at an event's time: that event counts
    expect((await queries.usageByFunction({ since: "2030-03-02T12:00:00.900Z", team })).map((row) => [row.fn, row.calls])).toEqual([["find", 2], ["save", 1]]);
    expect((await queries.usageByFunction({ since: "2030-03-02T12:00:00.901Z", team })).map((row) => [row.fn, row.calls])).toEqual([["find", 2]]);
    // a window from midnight counts the whole day from the segments, the one before it not at all
    expect((await queries.usageByFunction({ since: "2030-03-02T00:00:00.000Z", team })).map((row) => [row.fn, row.calls])).toEqual([["get", 3], ["find", 2], ["save", 1]]);
    const { errors } = await queries.usageErrors({ since, team, limit: 10 });
    expect(errors).toEqual([{ fn: "save", errorClass: "EnvelopeError", errorCode: "ENVELOPE_INVALID", message: "bad", count: 1, users: 1, lastAt: "2030-03-02T12:00:00.900Z" }]);
    expect((await queries.usageUsers({ since, team, limit: 10 })).users.map((row) => [row.user, row.calls, row.failures])).toEqual([["ada", 2, 1], ["bob", 2, 0]]);
  });

  test("the team filter is the segment's, the function filter the event's, on the first day and after; so is the user's", async (context) => {
    const database = db();
    if (!database) return context.skip();
    const [churn, fraud] = [unique("churn"), unique("fraud")];
    const [fn, other] = [unique("fn"), unique("other")];
    const since = "2030-04-02T12:00:00.000Z";
    // one second of ada's in each team, and of the first day's events of other functions
    await insertSegment(database, churn, "ada", [{ at: "2030-04-02T12:30:00.100Z", fn }, { at: "2030-04-02T12:30:00.200Z", fn: other }]);
    await insertSegment(database, fraud, "ada", [{ at: "2030-04-02T12:30:00.150Z", fn }]);
    await insertSegment(database, churn, "bob", [{ at: "2030-04-05T08:00:00.000Z", fn }]);
    await insertSegment(database, fraud, "bob", [{ at: "2030-04-05T08:00:00.000Z", fn, code: "ENVELOPE_FORBIDDEN", message: "not yours" }]);
    await countDays(database, churn);
    await countDays(database, fraud);
    const queries = usageBreakdownQueries(database);
    expect(await queries.usageByFunction({ since, team: churn })).toEqual([
      { fn, calls: 2, failures: 0, failureRate: 0, users: 2 },
      { fn: other, calls: 1, failures: 0, failureRate: 0, users: 1 },
    ]);
    expect(await queries.usageByFunction({ since, fn })).toEqual([{ fn, calls: 4, failures: 1, failureRate: 0.25, users: 2 }]);
    expect(await queries.usageByFunction({ since, team: fraud, fn })).toEqual([{ fn, calls: 2, failures: 1, failureRate: 0.5, users: 2 }]);
    expect(await queries.usageByFunction({ since, team: fraud, fn: other })).toEqual([]);
    expect((await queries.userUsage("ada", { since, team: churn })).functions).toEqual([{ fn, calls: 1, failures: 0 }, { fn: other, calls: 1, failures: 0 }]);
    expect((await queries.userUsage("ada", { since, fn })).functions).toEqual([{ fn, calls: 2, failures: 0 }]);
    // the report `envelope usage` reads goes through the same rows
    const summary = await usageQueries(database).usageSummary({ since, team: churn, top: 5 });
    expect(summary.functions).toEqual([{ fn, calls: 2, failures: 0, failureRate: 0 }, { fn: other, calls: 1, failures: 0, failureRate: 0 }]);
    expect((await usageQueries(database).usageSummary({ since, fn, top: 5 })).topErrors).toEqual([{ error: "ENVELOPE_FORBIDDEN", message: "not yours", count: 1, users: 1 }]);
  });
});
