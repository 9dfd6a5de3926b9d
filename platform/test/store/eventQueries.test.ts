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

// recordEvents on the embedded store (COPY, the groups summed up in JS) and on PostgreSQL (one
// INSERT); each checked against what the events themselves say
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

/** the daily counts and first calls of `teams` as kept, and as counted again from the events (the schema's backfills) */
async function keptAndRecounted(db: Database, teams: Array<string | null>) {
  const where = "coalesce(team, '') = ANY($1::text[])";
  const params = [teams.map((team) => team ?? "")];
  const dayColumns = "day::text, team, user_name, fn, success, error_class, error_code, error_message, message_key, calls::int, last_at";
  return {
    days: await db.query(`SELECT ${dayColumns} FROM envelope_usage_days WHERE ${where} ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`, params),
    daysRecounted: await db.query(
      `SELECT ${dayColumns} FROM (SELECT (at AT TIME ZONE 'UTC')::date AS day, team, user_name, fn, success, error_class, error_code, error_message, md5(error_message) AS message_key, count(*) AS calls, max(at) AS last_at
       FROM envelope_events WHERE ${where} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9) recount ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
      params,
    ),
    firstCalls: await db.query(`SELECT user_name, team, fn, first_at, first_id FROM envelope_first_calls WHERE ${where} ORDER BY 1, 2, 3`, params),
    firstCallsRecounted: await db.query(
      `SELECT DISTINCT ON (user_name, coalesce(team, ''), fn) user_name, coalesce(team, '') AS team, fn, at AS first_at, id AS first_id FROM envelope_events
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
    const firstCalls = () => db!.query("SELECT f.user_name, f.first_at, e.at, e.client_version FROM envelope_first_calls f JOIN envelope_events e ON e.id = f.first_id WHERE f.team = $1 ORDER BY 1", [team]);
    const at = (day: string, version = "0.1.0") => ({ first_at: new Date(`2030-01-${day}T00:00:00.000Z`), at: new Date(`2030-01-${day}T00:00:00.000Z`), client_version: version });
    await store.recordEvents([event("2030-01-05T00:00:00.000Z", "ada", team, "get"), event("2030-01-06T00:00:00.000Z", "ada", team, "get")]);
    await store.recordEvents([event("2030-01-07T00:00:00.000Z", "ada", team, "get"), event("2030-01-05T00:00:00.000Z", "ada", team, "get", { clientVersion: "later" })]);
    expect(await firstCalls()).toEqual([{ user_name: "ada", ...at("05") }]);
    await store.recordEvents([event("2030-01-03T00:00:00.000Z", "cy", team, "get"), event("2030-01-04T00:00:00Z", "ada", team, "get", { clientVersion: "first" }), event("2030-01-04T00:00:00.000Z", "ada", team, "get", { clientVersion: "second" })]);
    expect(await firstCalls()).toEqual([{ user_name: "ada", ...at("04", "first") }, { user_name: "cy", ...at("03") }]);
    const kept = await keptAndRecounted(db, [team]);
    expect(kept.firstCalls).toEqual(kept.firstCallsRecounted);
  });

  test("each event gets an id of its own, in the order of its batch, and the sequence goes on after them", async (context) => {
    if (!db) return context.skip();
    const team = unique("team");
    const times = ["2030-01-09T00:00:00.000Z", "2030-01-08T00:00:00.000Z", "2030-01-10T00:00:00.000Z"];
    await store.recordEvents(times.map((at) => event(at, "ada", team, "get")));
    await store.recordEvents(times.map((at) => event(at, "bob", team, "get")));
    const ids = async () => await db!.query<{ id: number; user_name: string; at: Date }>("SELECT id, user_name, at FROM envelope_events WHERE team = $1 ORDER BY id", [team]);
    const recorded = await ids();
    expect(recorded.map((row) => [row.user_name, row.at.toISOString()])).toEqual([...times.map((at) => ["ada", at]), ...times.map((at) => ["bob", at])]);
    expect(recorded.map((row) => row.id - recorded[0]!.id)).toEqual([0, 1, 2, 3, 4, 5]);
    // a row that takes its id from the sequence comes after the batches' ids
    await db.query("INSERT INTO envelope_events (at, user_name, team, fn, args, success, duration_ms, client_version) VALUES (now(), 'cy', $1, 'get', '[]', true, 1, 'x')", [team]);
    expect((await ids()).at(-1)).toMatchObject({ user_name: "cy", id: recorded.at(-1)!.id + 1 });
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
    const page = await store.readEvents({ since: "2030-02-01T00:00:00.000Z", team, limit: 10 });
    expect(page.events).toEqual(events);
  });

  test.for([
    ["a NUL", "a\\u0000b"],
    ["a lone surrogate", "a\\ud83db"],
  ])("a batch with %s in a value is refused whole, as before: nothing of it is recorded", async ([, escaped], context) => {
    if (!db) return context.skip();
    const team = unique("team");
    const value = JSON.parse(`"${escaped}"`) as string;
    await expect(store.recordEvents([event("2030-03-01T00:00:00.000Z", "ada", team, "get"), event("2030-03-01T00:00:01.000Z", "ada", team, "get", { model: value })])).rejects.toThrow();
    expect(await db.query("SELECT 1 FROM envelope_events WHERE team = $1 UNION ALL SELECT 1 FROM envelope_usage_days WHERE team = $1 UNION ALL SELECT 1 FROM envelope_first_calls WHERE team = $1", [team])).toEqual([]);
  });

  test("a batch whose first calls cannot be kept (a user name too long for their key) is refused whole: its events are not kept either", async (context) => {
    if (!db) return context.skip();
    const team = unique("team");
    const user = randomBytes(9000).toString("base64");
    await expect(store.recordEvents([event("2030-04-01T00:00:00.000Z", "ada", team, "get"), event("2030-04-01T00:00:01.000Z", user, team, "get")])).rejects.toThrow(/index row/);
    expect(await db.query("SELECT 1 FROM envelope_events WHERE team = $1 UNION ALL SELECT 1 FROM envelope_usage_days WHERE team = $1 UNION ALL SELECT 1 FROM envelope_first_calls WHERE team = $1", [team])).toEqual([]);
  });
});
