import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "../../src/store/Database.ts";
import { createSqlStore, migrate } from "../../src/store/createSqlStore.ts";
import { openPglite } from "../../src/store/openPglite.ts";
import { openPostgres } from "../../src/store/openPostgres.ts";
import type { Store } from "../../src/store/Store.ts";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";
import { startPostgres, type ThrowawayPostgres } from "../support/startPostgres.ts";
import { tempDir } from "../support/tempDir.ts";

// recordEvents on the embedded store (COPY of the segments, the groups summed up in JS) and on
// PostgreSQL (one INSERT); each checked against what the events themselves say, read back from
// their segments as every reader does
const postgres = await startPostgres();
if ("skip" in postgres) console.warn(`eventQueries: PostgreSQL cases skipped: ${postgres.skip}`);
const temp = tempDir();
afterAll(() => {
  if ("url" in postgres) (postgres as ThrowawayPostgres).stop();
  temp.remove();
});

const event = (at: string, user: string | null, team: string | null, fn: string, more: Partial<UsageEvent> = {}): UsageEvent => ({
  at, fn, args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user, team, clientVersion: "0.1.0", model: null, ...more,
});
const failed = (code: string, message: string | null): Partial<UsageEvent> => ({ success: false, errorClass: "EnvelopeError", errorCode: code, errorMessage: message });

/**
 * the recorded events as rows, read back from their segments (`eventSegments.ts`, rule 5); the id
 * as float8, which both drivers return as a number (`s.id` times 16384 as bigint: as integer it
 * overflows past 131,071 segments)
 */
const recorded = `(SELECT (s.id::bigint * 16384 + e.n - 1)::float8 AS id, e.t AS at, s.team, s.user_name, e.f AS fn, e.a AS args, e.s AS success, e.c AS error_class, e.k AS error_code,
    e.m AS error_message, e.d AS duration_ms, e.v AS client_version, e.o AS model
  FROM envelope_event_segments s,
    ROWS FROM (json_to_recordset(s.body::json) AS (t timestamptz, f text, a json, s boolean, c text, k text, m text, d double precision, v text, o text))
    WITH ORDINALITY AS e(t, f, a, s, c, k, m, d, v, o, n)) recorded`;

/** the daily counts and first calls of `teams` as kept, and as counted again from the events (the schema's backfills) */
async function keptAndRecounted(db: Database, teams: Array<string | null>) {
  const where = "coalesce(team, '') = ANY($1::text[])";
  const params = [teams.map((team) => team ?? "")];
  const dayColumns = "day::text, team, user_name, fn, success, error_class, error_code, error_message, message_key, calls::int, last_at";
  return {
    days: await db.query(`SELECT ${dayColumns} FROM envelope_usage_days WHERE ${where} ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`, params),
    daysRecounted: await db.query(
      `SELECT ${dayColumns} FROM (SELECT (at AT TIME ZONE 'UTC')::date AS day, team, user_name, fn, success, error_class, error_code, error_message, md5(error_message) AS message_key, count(*) AS calls, max(at) AS last_at
       FROM ${recorded} WHERE ${where} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9) recount ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
      params,
    ),
    firstCalls: await db.query<Record<string, unknown>>(`SELECT user_name, team, fn, first_at, first_id::float8 AS first_id FROM envelope_first_calls WHERE ${where} ORDER BY 1, 2, 3`, params),
    firstCallsRecounted: await db.query(
      `SELECT DISTINCT ON (user_name, coalesce(team, ''), fn) user_name, coalesce(team, '') AS team, fn, at AS first_at, id AS first_id FROM ${recorded}
       WHERE user_name IS NOT NULL AND ${where} ORDER BY user_name, coalesce(team, ''), fn, at, id`,
      params,
    ),
  };
}

const backends: Array<[string, () => Promise<Database> | undefined]> = [
  ["pglite", () => openPglite(path.join(temp.dir, "data"))],
  ["postgres", () => ("url" in postgres ? openPostgres(postgres.url) : undefined)],
];

describe.each(backends)("%s", (_label, open) => {
  let db: Database | undefined;
  let store: Store;
  beforeAll(async () => {
    db = await open();
    if (!db) return;
    await migrate(db);
    store = createSqlStore(db);
  }, 60_000);
  afterAll(() => db?.close());
  const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

  test("batches over two UTC days, two users, failures and times in several forms: the daily counts and first calls are those the events give", async (context) => {
    if (!db) return context.skip();
    const [churn, fraud] = [unique("churn"), unique("fraud")];
    await store.recordEvents([
      event("2030-01-01T23:59:59.999Z", "ada", churn, "get"),
      event("2030-01-02T00:00:00.000Z", "ada", churn, "get"),
      event("2030-01-01T12:00:00.000Z", "ada", churn, "get", failed("ENVELOPE_INVALID", "bad")),
      event("2030-01-01T12:30:00.000Z", "ada", churn, "get", failed("ENVELOPE_INVALID", "bad")),
      event("2030-01-01T13:00:00.000Z", "ada", churn, "get", failed("ENVELOPE_INVALID", null)),
      event("2030-01-01T20:00:00.000Z", "bob", churn, "save"),
      event("2030-01-01T23:30:00-02:00", "bob", churn, "save"),
      event("2030-01-02T00:30:00Z", "bob", churn, "save"),
      event("2030-01-01T22:00:00.000Z", "bob", fraud, "save"),
      event("2030-01-01T22:00:00.000Z", null, fraud, "find"),
      event("2030-01-01T21:00:00.000Z", "bob", null, "find"),
    ]);
    await store.recordEvents([event("2030-01-01T10:00:00.000Z", "bob", churn, "save"), event("2030-01-02T01:00:00.000Z", "ada", churn, "get"), event("2030-01-01T12:45:00.000Z", "ada", churn, "get", failed("ENVELOPE_INVALID", "bad"))]);
    const kept = await keptAndRecounted(db, [churn, fraud, null]);
    expect(kept.days).toEqual(kept.daysRecounted);
    expect(kept.firstCalls).toEqual(kept.firstCallsRecounted);
    // the recount is not empty, nor is it everything in one row
    expect(kept.days.length).toBeGreaterThanOrEqual(8);
    expect(kept.firstCalls).toHaveLength(4);
  });

  test("an earlier first call in a later batch moves first_at and first_id to it; a later one does not; of two at one time, the first recorded", async (context) => {
    if (!db) return context.skip();
    const team = unique("team");
    const firstCalls = () => db!.query(`SELECT f.user_name, f.first_at, recorded.at, recorded.client_version FROM envelope_first_calls f JOIN ${recorded} ON recorded.id = f.first_id WHERE f.team = $1 ORDER BY 1`, [team]);
    const at = (day: string, version = "0.1.0") => ({ first_at: new Date(`2030-01-${day}T00:00:00.000Z`), at: new Date(`2030-01-${day}T00:00:00.000Z`), client_version: version });
    await store.recordEvents([event("2030-01-05T00:00:00.000Z", "ada", team, "get"), event("2030-01-06T00:00:00.000Z", "ada", team, "get")]);
    await store.recordEvents([event("2030-01-07T00:00:00.000Z", "ada", team, "get"), event("2030-01-05T00:00:00.000Z", "ada", team, "get", { clientVersion: "later" })]);
    expect(await firstCalls()).toEqual([{ user_name: "ada", ...at("05") }]);
    await store.recordEvents([event("2030-01-03T00:00:00.000Z", "cy", team, "get"), event("2030-01-04T00:00:00Z", "ada", team, "get", { clientVersion: "first" }), event("2030-01-04T00:00:00.000Z", "ada", team, "get", { clientVersion: "second" })]);
    expect(await firstCalls()).toEqual([{ user_name: "ada", ...at("04", "first") }, { user_name: "cy", ...at("03") }]);
    const kept = await keptAndRecounted(db, [team]);
    expect(kept.firstCalls).toEqual(kept.firstCallsRecounted);
  });

  test("each event gets an id of its own, in the order of its batch (a segment's events by time), and the sequence goes on after them", async (context) => {
    if (!db) return context.skip();
    const team = unique("team");
    const times = ["2030-01-09T00:00:00.000Z", "2030-01-08T00:00:00.000Z", "2030-01-10T00:00:00.000Z"];
    await store.recordEvents(times.map((at) => event(at, "ada", team, "get")));
    // one second: one segment, its events by time
    await store.recordEvents(["2030-01-11T00:00:00.900Z", "2030-01-11T00:00:00.100Z", "2030-01-11T00:00:00.500Z"].map((at) => event(at, "bob", team, "get")));
    const ids = async () => await db!.query<{ id: number; user_name: string; at: Date }>(`SELECT id, user_name, at FROM ${recorded} WHERE team = $1 ORDER BY id`, [team]);
    const kept = await ids();
    expect(kept.map((row) => [row.user_name, row.at.toISOString()])).toEqual([...times.map((at) => ["ada", at]), ...["100", "500", "900"].map((ms) => ["bob", `2030-01-11T00:00:00.${ms}Z`])]);
    expect(kept.map((row) => row.id - kept[0]!.id)).toEqual([0, 16384, 2 * 16384, 3 * 16384, 3 * 16384 + 1, 3 * 16384 + 2]);
    // a segment that takes its id from the sequence comes after the batches'
    await db.query(`INSERT INTO envelope_event_segments (first_at, last_at, team, user_name, events, failures, body) VALUES (now(), now(), $1, 'cy', 1, 0, '[{"t":"2030-01-12T00:00:00.000Z","f":"get","s":true,"d":1,"v":"x"}]')`, [team]);
    expect((await ids()).at(-1)).toMatchObject({ user_name: "cy", id: kept.at(-1)!.id - 2 + 16384 });
  });

  test("a batch over several seconds and two users becomes one segment per user and second, with its times, counts and latest failure", async (context) => {
    if (!db) return context.skip();
    const team = unique("team");
    await store.recordEvents([
      event("2030-01-13T00:00:01.700Z", "ada", team, "get"),
      event("2030-01-13T00:00:01.200Z", "ada", team, "get", failed("ENVELOPE_INVALID", "bad")),
      event("2030-01-13T00:00:01.100Z", "bob", team, "get", failed("ENVELOPE_INVALID", "bad")),
      event("2030-01-13T00:00:02.000Z", "ada", team, "get"),
      event("2030-01-13T00:00:01.000Z", "ada", team, "get"),
      event("2030-01-13T00:00:01.900Z", "bob", team, "get", failed("ENVELOPE_MODEL", null)),
      event("2030-01-13T00:00:02.999Z", "ada", team, "get", failed("ENVELOPE_MODEL", null)),
      // a first call that is not its segment's first event: its id is the segment's plus its place
      event("2030-01-13T00:00:01.500Z", "ada", team, "save"),
    ]);
    const segments = await db.query<Record<string, unknown>>("SELECT user_name, first_at, last_at, events, failures, last_failure_at FROM envelope_event_segments WHERE team = $1 ORDER BY id", [team]);
    const at = (time: string) => new Date(`2030-01-13T00:00:0${time}Z`);
    expect(segments).toEqual([
      { user_name: "ada", first_at: at("1.000"), last_at: at("1.700"), events: 4, failures: 1, last_failure_at: at("1.200") },
      { user_name: "bob", first_at: at("1.100"), last_at: at("1.900"), events: 2, failures: 2, last_failure_at: at("1.900") },
      { user_name: "ada", first_at: at("2.000"), last_at: at("2.999"), events: 2, failures: 1, last_failure_at: at("2.999") },
    ]);
    const kept = await keptAndRecounted(db, [team]);
    expect(kept.firstCalls.map((call) => call["fn"])).toEqual(["get", "save", "get"]);
    expect(kept.days).toEqual(kept.daysRecounted);
    expect(kept.firstCalls).toEqual(kept.firstCallsRecounted);
  });

  test("batches recorded at once (PostgreSQL: on several connections) each name their first calls' own events", async (context) => {
    if (!db) return context.skip();
    const team = unique("team");
    const batch = (user: string) => ["get", "save", "find"].flatMap((fn, index) => [event(`2030-01-13T00:00:0${index}.100Z`, user, team, "other"), event(`2030-01-13T00:00:0${index}.200Z`, user, team, fn)]);
    await Promise.all(["ada", "bob", "cy", "dee", "eve", "fay"].map((user) => store.recordEvents(batch(user))));
    const kept = await keptAndRecounted(db, [team]);
    expect(kept.firstCalls).toHaveLength(6 * 4);
    expect(kept.firstCalls).toEqual(kept.firstCallsRecounted);
  });

  test("an at with a time-zone offset, microseconds or no fraction is stored normalized: UTC, milliseconds", async (context) => {
    if (!db) return context.skip();
    const team = unique("team");
    await store.recordEvents([event("2030-01-14T23:30:00.123456-02:00", "ada", team, "get"), event("2030-01-15T00:30:00Z", "ada", team, "get")]);
    const bodies = await db.query<{ first_at: Date; body: string }>("SELECT first_at, body FROM envelope_event_segments WHERE team = $1 ORDER BY id", [team]);
    expect(bodies.map((row) => [row.first_at.toISOString(), (JSON.parse(row.body) as Array<{ t: string }>).map((each) => each.t)])).toEqual([
      ["2030-01-15T01:30:00.123Z", ["2030-01-15T01:30:00.123Z"]],
      ["2030-01-15T00:30:00.000Z", ["2030-01-15T00:30:00.000Z"]],
    ]);
  });

  test("more than 16,384 events in one second split into segments of at most that many; every event counted once", async (context) => {
    if (!db) return context.skip();
    const team = unique("team");
    await store.recordEvents(Array.from({ length: 16_384 + 2 }, (_, index) => event(`2030-01-16T00:00:00.${String(index % 1000).padStart(3, "0")}Z`, "ada", team, "get")));
    expect(await db.query("SELECT events FROM envelope_event_segments WHERE team = $1 ORDER BY id", [team])).toEqual([{ events: 16_384 }, { events: 2 }]);
    expect(await db.query(`SELECT count(DISTINCT id)::int AS ids, min(at) AS first FROM ${recorded} WHERE team = $1`, [team])).toEqual([{ ids: 16_386, first: new Date("2030-01-16T00:00:00.000Z") }]);
    const kept = await keptAndRecounted(db, [team]);
    expect(kept.days).toEqual(kept.daysRecounted);
    expect(kept.firstCalls).toEqual(kept.firstCallsRecounted);
  });

  test("every value comes back exactly as recorded: tabs, newlines, carriage returns, backslashes, quotes, unicode, control characters", async (context) => {
    if (!db) return context.skip();
    const team = unique("team\\t\t");
    const odd = "a\tb\nc\r\nd\\e\\\\f \\N \\t '\\'\" é 😀 \u0001\u001f\u007f\u2028 end\\";
    const events = [
      event("2030-02-01T00:00:00.000Z", `ada ${odd}`, team, "get", { args: [{ text: odd, "key\t\n": odd }, 1.5, null], ...failed(`CODE ${odd}`, odd), errorClass: odd, durationMs: 0.1 + 0.2, clientVersion: odd, model: `model ${odd}` }),
      event("2030-02-01T00:00:00.001Z", null, team, "get", { args: odd, durationMs: 1e-7 }),
      event("2030-02-01T00:00:00.002Z", "\\N", team, "get", { args: null, errorMessage: "\\N", model: "" }),
    ];
    await store.recordEvents(events);
    const rows = await db.query<Record<string, unknown>>(`SELECT * FROM ${recorded} WHERE team = $1 ORDER BY at, id`, [team]);
    const back = rows.map((row): UsageEvent => ({
      at: (row["at"] as Date).toISOString(), fn: row["fn"] as string, args: row["args"], success: row["success"] as boolean, errorClass: row["error_class"] as string | null, errorCode: row["error_code"] as string | null,
      errorMessage: row["error_message"] as string | null, durationMs: row["duration_ms"] as number, user: row["user_name"] as string | null, team: row["team"] as string | null, clientVersion: row["client_version"] as string, model: row["model"] as string | null,
    }));
    expect(back).toEqual(events);
  });

  test.for([
    ["a NUL", "a\\u0000b"],
    ["a lone surrogate", "a\\ud83db"],
  ])("a batch with %s in a value is refused whole, as before: nothing of it is recorded", async ([, escaped], context) => {
    if (!db) return context.skip();
    const team = unique("team");
    const value = JSON.parse(`"${escaped}"`) as string;
    await expect(store.recordEvents([event("2030-03-01T00:00:00.000Z", "ada", team, "get"), event("2030-03-01T00:00:01.000Z", "ada", team, "get", { model: value })])).rejects.toThrow(/events\[1\]\.model: expected text without a NUL character \(U\+0000\) or a lone surrogate/);
    expect(await db.query("SELECT 1 FROM envelope_event_segments WHERE team = $1 UNION ALL SELECT 1 FROM envelope_usage_days WHERE team = $1 UNION ALL SELECT 1 FROM envelope_first_calls WHERE team = $1", [team])).toEqual([]);
  });

  test("a batch whose first calls cannot be kept (a user name too long for their key) is refused whole: its segments are not kept either", async (context) => {
    if (!db) return context.skip();
    const team = unique("team");
    const user = randomBytes(9000).toString("base64");
    await expect(store.recordEvents([event("2030-04-01T00:00:00.000Z", "ada", team, "get"), event("2030-04-01T00:00:01.000Z", user, team, "get")])).rejects.toThrow(/index row/);
    expect(await db.query("SELECT 1 FROM envelope_event_segments WHERE team = $1 UNION ALL SELECT 1 FROM envelope_usage_days WHERE team = $1 UNION ALL SELECT 1 FROM envelope_first_calls WHERE team = $1", [team])).toEqual([]);
  });
});
