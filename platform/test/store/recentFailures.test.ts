import { expect, test } from "vitest";
import { recentFailures } from "../../src/store/recentFailures.ts";
import { usageBreakdownQueries } from "../../src/store/usageBreakdownQueries.ts";
import { eachDatabase } from "../support/eachDatabase.ts";
import { unique } from "../support/eachStore.ts";
import { insertSegment, type SegmentEvent } from "../support/insertSegment.ts";

const second = (base: string, index: number) => new Date(Date.parse(base) + index * 1000).toISOString();
const failure = (at: string, fn: string, message: string): SegmentEvent => ({ at, fn, code: "ENVELOPE_INVALID", message });

// a user's latest failures (userUsage's recentFailures), read from segments written straight into the table
await eachDatabase("recentFailures", (db) => {
  test("with a function filter, the newest segments holding failures of other functions only are read past", async (context) => {
    const database = db();
    if (!database) return context.skip();
    const [team, user] = [unique("team"), unique("ada")];
    await insertSegment(database, team, user, [failure("2030-04-30T10:00:00.000Z", "save", "before the window")]);
    for (let index = 0; index < 3; index++) await insertSegment(database, team, user, [{ at: second("2030-05-02T10:00:00.000Z", index), fn: "save" }, failure(second("2030-05-02T10:00:00.500Z", index), "save", `save ${index}`)]);
    // 45 newer segments, more than two chunks' worth, each with a failure of get and a call of save
    for (let index = 0; index < 45; index++) await insertSegment(database, team, user, [failure(second("2030-05-03T10:00:00.000Z", index), "get", `get ${index}`), { at: second("2030-05-03T10:00:00.500Z", index), fn: "save" }]);
    const since = "2030-05-01T00:00:00.000Z";
    const { recentFailures: saves } = await usageBreakdownQueries(database).userUsage(user, { since, team, fn: "save" });
    expect(saves).toEqual([2, 1, 0].map((index) => ({ at: second("2030-05-02T10:00:00.500Z", index), fn: "save", errorCode: "ENVELOPE_INVALID", message: `save ${index}` })));
    // without the filter: the 20 newest, all of get
    const all = await recentFailures(database, user, { since, team });
    expect(all.map((event) => event.message)).toEqual(Array.from({ length: 20 }, (_, index) => `get ${44 - index}`));
    expect(await recentFailures(database, user, { since, team, fn: "find" })).toEqual([]);
  });

  test("failures at the same time go by id, newest first: a later segment first, then later in a body; at most 20", async (context) => {
    const database = db();
    if (!database) return context.skip();
    const [team, user] = [unique("team"), unique("ada")];
    const at = "2030-06-01T10:00:00.000Z";
    await insertSegment(database, team, user, [failure(at, "get", "x0"), failure(at, "get", "x1"), { at, fn: "get" }]);
    await insertSegment(database, team, user, [failure(at, "get", "y0")]);
    // 25 failures of one second, a millisecond apart, before the three above
    await insertSegment(database, team, user, Array.from({ length: 25 }, (_, index) => failure(new Date(Date.parse("2030-06-01T09:59:59.000Z") + index).toISOString(), "get", `z${index}`)));
    const { recentFailures: latest } = await usageBreakdownQueries(database).userUsage(user, { since: "2030-06-01T00:00:00.000Z", team });
    expect(latest.map((event) => event.message)).toEqual(["y0", "x1", "x0", ...Array.from({ length: 17 }, (_, index) => `z${24 - index}`)]);
    expect(latest[0]).toEqual({ at, fn: "get", errorCode: "ENVELOPE_INVALID", message: "y0" });
    expect(latest[3]).toEqual({ at: "2030-06-01T09:59:59.024Z", fn: "get", errorCode: "ENVELOPE_INVALID", message: "z24" });
  });

  test("failures at one time in 21 segments: the 20 with the highest ids, a later chunk going on at that time by id; a segment straddling since gives its failures at or after it", async (context) => {
    const database = db();
    if (!database) return context.skip();
    const [team, user] = [unique("team"), unique("ada")];
    const at = "2030-07-01T10:00:00.000Z";
    // the two oldest also hold a failure of save: the next chunk goes on at the same time, by id
    for (let index = 0; index < 21; index++) await insertSegment(database, team, user, [failure(at, "tag", `m${index}`), ...(index < 2 ? [failure(at, "save", `s${index}`)] : [])]);
    expect((await recentFailures(database, user, { since: "2030-07-01T00:00:00.000Z", team })).map((event) => event.message)).toEqual([...Array.from({ length: 19 }, (_, index) => `m${20 - index}`), "s1"]);
    expect((await recentFailures(database, user, { since: "2030-07-01T00:00:00.000Z", team, fn: "save" })).map((event) => event.message)).toEqual(["s1", "s0"]);
    const later = [unique("team"), unique("bob")] as const;
    await insertSegment(database, later[0], later[1], [failure("2030-07-02T10:00:00.100Z", "tag", "before"), failure("2030-07-02T10:00:00.600Z", "tag", "after"), failure("2030-07-02T10:00:00.900Z", "tag", "last")]);
    expect((await recentFailures(database, later[1], { since: "2030-07-02T10:00:00.600Z", team: later[0] })).map((event) => event.message)).toEqual(["last", "after"]);
    expect(await recentFailures(database, later[1], { since: "2030-07-02T10:00:00.901Z", team: later[0] })).toEqual([]);
  });

  test("the team filter is the segment's: the user's newer failures in another team are left out", async (context) => {
    const database = db();
    if (!database) return context.skip();
    const [churn, fraud, user] = [unique("churn"), unique("fraud"), unique("ada")];
    await insertSegment(database, churn, user, [failure("2030-08-01T10:00:00.000Z", "save", "churn's")]);
    for (let index = 0; index < 25; index++) await insertSegment(database, fraud, user, [failure(second("2030-08-02T10:00:00.000Z", index), "save", `fraud's ${index}`)]);
    const since = "2030-08-01T00:00:00.000Z";
    expect((await recentFailures(database, user, { since, team: churn })).map((event) => event.message)).toEqual(["churn's"]);
    expect((await recentFailures(database, user, { since, team: churn, fn: "save" })).map((event) => event.message)).toEqual(["churn's"]);
    expect(await recentFailures(database, user, { since, team: unique("nobody") })).toEqual([]);
    expect((await recentFailures(database, user, { since })).length).toBe(20);
  });
});
