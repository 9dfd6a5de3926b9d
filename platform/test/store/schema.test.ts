import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { hashToken } from "../../src/auth/hashToken.ts";
import { createSqlStore, migrate } from "../../src/store/createSqlStore.ts";
import type { Database } from "../../src/store/Database.ts";
import { openPglite } from "../../src/store/openPglite.ts";
import { freshDatabases } from "../support/freshDatabases.ts";
import { createOldEvents, type OldEvent, type OldShape, segmentEvents, segmentRows } from "../support/oldEventsStore.ts";
import { tempDir } from "../support/tempDir.ts";

const temp = tempDir();
afterAll(() => temp.remove());
// 13:45 ahead of UTC
const backends = await freshDatabases("schema.test.ts", "Pacific/Chatham");

const base = { user: "ada", team: "churn", fn: "get", args: "[]", success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, clientVersion: "0.1.0", model: null } satisfies Omit<OldEvent, "at">;
const at = (time: string) => `2030-01-01T${time}Z`;
/** events of every kind, in the order the old store got them (ids 1, 2, ...): not the order of `at` */
const oldEvents: OldEvent[] = [
  { ...base, at: at("10:00:00.900") },
  // json as it came: spaces, nulls inside (kept), after an event of the same second (sorted by at)
  { ...base, at: at("10:00:00.100"), fn: "save", args: ' [ 1 ,  {"deep" : null, "list": [null, true, 1.5e3]} ] ', durationMs: 2 },
  // the same `at` as the one before: after it, by id
  { ...base, at: at("10:00:00.100"), fn: "find", args: '{"q": "a \\"b\\" \\\\ «ü» 😀\\n\\u0001", "n": null}', durationMs: 3 },
  { ...base, at: at("10:00:00.100"), user: "bob", success: false, errorClass: "EnvelopeError", errorCode: "ENVELOPE_NOT_FOUND", errorMessage: 'model "x" \\ «ü» not found\nline 2', model: "churn-model", durationMs: 4 },
  // args null: left out of the body
  { ...base, at: at("10:00:00.500"), user: null, args: "null", durationMs: 5 },
  { ...base, at: at("10:00:00.700"), user: "cy", team: null, success: false, errorCode: "ENVELOPE_FORBIDDEN", durationMs: 6 },
  { ...base, at: at("10:00:00.800"), user: null, team: null, clientVersion: "0.2.0", durationMs: 7 },
  { ...base, at: at("10:00:00.300"), team: "fraud", durationMs: 8 },
  { ...base, at: at("10:00:01.000"), success: false, errorClass: "TypeError", durationMs: 0.1 + 0.2 },
  // to the microsecond: cut to the millisecond, as readers always got it
  { ...base, at: "2030-01-01T10:00:02.123456Z", fn: "save", durationMs: 1e21 },
  { ...base, at: at("23:59:59.999"), durationMs: 11 },
  { ...base, at: "2030-01-02T11:00:00.5+01:00", durationMs: 12 },
  { ...base, at: "2030-01-02T00:00:00.000Z", user: "bob", success: false, errorCode: "ENVELOPE_INVALID", durationMs: 13 },
  // the earliest of its second, recorded last: first in its segment and ada's first save
  { ...base, at: at("10:00:00.050"), fn: "save", durationMs: 14 },
  // bob's second get at the same `at` as his first: his first call is the one with the lower id
  { ...base, at: at("10:00:00.100"), user: "bob", durationMs: 15 },
  // a microsecond before the one above of the same millisecond: before it, as pages read them
  { ...base, at: "2030-01-01T10:00:02.123100Z", durationMs: 16 },
];
const iso = (value: string) => new Date(value).toISOString();
/** `at` in microseconds since 1970 */
const micros = (value: string) => Math.floor(Date.parse(value) / 1000) * 1e6 + Number((/\.(\d+)/.exec(value)?.[1] ?? "").padEnd(6, "0"));
/** the old events as readers get them, by (at, old id) */
const expected = oldEvents.map((event, id) => ({ id, micros: micros(event.at), event: { ...event, at: iso(event.at), args: JSON.parse(event.args) as unknown } })).sort((a, b) => a.micros - b.micros || a.id - b.id);
const bodyKeys = { t: "at", f: "fn", a: "args", s: "success", c: "errorClass", k: "errorCode", m: "errorMessage", d: "durationMs", v: "clientVersion", o: "model" } as const;

/** Everything a store holds of its events and what is kept from them, to compare two openings. */
async function snapshot(db: Database) {
  return {
    segments: await segmentRows(db),
    firstCalls: await db.query<{ first_at: Date }>("SELECT user_name, team, fn, first_at, first_id::text AS first_id FROM envelope_first_calls ORDER BY user_name, team, fn"),
    usageDays: await db.query<Record<string, unknown>>("SELECT day::text, team, user_name, fn, success, error_class, error_code, error_message, calls, last_at FROM envelope_usage_days ORDER BY 1, 2, 3, 4, 5, 6, 7, 8"),
  };
}

const shapes: Array<[string, OldShape]> = [
  ["args json, no primary key", { args: "json", primaryKey: false }],
  ["args jsonb, id its primary key", { args: "jsonb", primaryKey: true }],
];

describe.each(backends)("%s", (_backend, open) => {
  test.skipIf(!open).each(shapes)("a store from before segments (%s): opening moves every event into segments, exactly; first calls point at the new ids; daily counts filled; then envelope_events is gone", async (label, shape) => {
    const db = await open!(`moved-${label.replaceAll(/\W/g, "")}`);
    try {
      await createOldEvents(db, shape, oldEvents);
      await migrate(db);
      const moved = await segmentEvents(db);
      // every event, every field, in the order (at, id)
      expect(moved.map((row) => row.event)).toEqual(expected.map((row) => row.event));
      // ids are segment.id * 16384 + n, n from 0 within each segment
      for (const row of moved) expect(BigInt(row.id)).toBe(BigInt(row.segment) * 16384n + BigInt(row.n - 1));
      const segments = await segmentRows(db);
      expect(segments.map((segment) => [segment.team, segment.user_name, segment.first_at, segment.events])).toEqual([
        ["churn", "ada", at("10:00:00.050"), 4],
        ["churn", "bob", at("10:00:00.100"), 2],
        ["fraud", "ada", at("10:00:00.300"), 1],
        ["churn", null, at("10:00:00.500"), 1],
        [null, "cy", at("10:00:00.700"), 1],
        [null, null, at("10:00:00.800"), 1],
        ["churn", "ada", at("10:00:01.000"), 1],
        ["churn", "ada", at("10:00:02.123"), 2],
        ["churn", "ada", at("23:59:59.999"), 1],
        ["churn", "bob", "2030-01-02T00:00:00.000Z", 1],
        ["churn", "ada", "2030-01-02T10:00:00.500Z", 1],
      ]);
      for (const segment of segments) {
        const body = JSON.parse(segment.body) as Array<Record<string, unknown>>;
        const events = moved.filter((row) => row.segment === segment.id).map((row) => row.event);
        const failures = events.filter((event) => !event.success);
        expect(body).toHaveLength(events.length);
        expect(segment).toMatchObject({ events: events.length, first_at: events[0]!.at, last_at: events.at(-1)!.at, failures: failures.length, last_failure_at: failures.at(-1)?.at ?? null });
        expect(segment.last_at.slice(0, 19)).toBe(segment.first_at.slice(0, 19));
        // short keys in order, a null left out (not one inside args), `t` the normalized `at`
        for (const [n, item] of body.entries()) {
          const event = events[n]!;
          expect(Object.keys(item)).toEqual(Object.entries(bodyKeys).filter(([, field]) => event[field] !== null).map(([key]) => key));
          expect(item.t).toBe(event.at);
        }
      }
      const idOf = new Map(expected.map((row, i) => [row.id, moved[i]!.id]));
      // each user's first call per team and function: the earliest by (at, old id), its new id
      const firstCalls = new Map<string, { user_name: string; team: string; fn: string; first_at: string; first_id: string }>();
      for (const { id, event } of expected) {
        const key = `${event.user}|${event.team ?? ""}|${event.fn}`;
        if (event.user !== null && !firstCalls.has(key)) firstCalls.set(key, { user_name: event.user, team: event.team ?? "", fn: event.fn, first_at: event.at, first_id: idOf.get(id)! });
      }
      const { firstCalls: storedCalls, usageDays } = await snapshot(db);
      expect(storedCalls.map((row) => ({ ...row, first_at: row.first_at.toISOString() }))).toEqual([...firstCalls.values()].sort((a, b) => `${a.user_name}|${a.team}|${a.fn}`.localeCompare(`${b.user_name}|${b.team}|${b.fn}`)));
      // the daily counts, filled from the events (UTC days), as the events say
      const days = new Map<string, Record<string, unknown>>();
      for (const { event } of expected) {
        const group = { day: event.at.slice(0, 10), team: event.team, user_name: event.user, fn: event.fn, success: event.success, error_class: event.errorClass, error_code: event.errorCode, error_message: event.errorMessage };
        const key = JSON.stringify(group);
        const day = days.get(key) ?? { ...group, calls: 0, last_at: event.at };
        days.set(key, { ...day, calls: (day.calls as number) + 1, last_at: event.at });
      }
      const byKey = (rows: Array<Record<string, unknown>>) => rows.map((row) => JSON.stringify(row)).sort();
      expect(byKey(usageDays.map((row) => ({ ...row, last_at: (row.last_at as Date).toISOString() })))).toEqual(byKey([...days.values()]));
      // the old table goes, with its sequence; the trigger function of its time too
      expect(await db.query("SELECT to_regclass('envelope_events') AS events, to_regclass('envelope_events_id_seq') AS sequence")).toEqual([{ events: null, sequence: null }]);
      expect(await db.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'envelope_first_calls' AND column_name = 'first_id'")).toEqual([{ data_type: "bigint" }]);
      // opening again changes nothing
      const before = await snapshot(db);
      await migrate(db);
      expect(await snapshot(db)).toEqual(before);
    } finally {
      await db.close();
    }
  }, 120_000);

  test.skipIf(!open)("a group of more than 16,384 events is split: segments of 16,384 and the rest, in (at, id) order", async () => {
    const db = await open!("split");
    try {
      await createOldEvents(db, { args: "json", primaryKey: false }, []);
      // 16,390 events of ada in one second, `at` going round 7 values so that ties abound; 3 of bob
      await db.query(`INSERT INTO envelope_events (at, user_name, team, fn, args, success, duration_ms, client_version)
        SELECT '2030-01-01T10:00:00Z'::timestamptz + (i % 7) * interval '1 millisecond', CASE WHEN i % 5000 = 1 THEN 'bob' ELSE 'ada' END, 'churn', 'get', '[]', i % 3 <> 0, i, '0.1.0'
        FROM generate_series(1, 16393) AS i ORDER BY i`);
      // each user's events by (at, old id), their old ids (= duration_ms)
      const old = new Map<string, number[]>();
      for (let i = 1; i <= 16_393; i++) old.set(i % 5000 === 1 ? "bob" : "ada", [...(old.get(i % 5000 === 1 ? "bob" : "ada") ?? []), i]);
      for (const ids of old.values()) ids.sort((a, b) => a % 7 - b % 7 || a - b);
      const failures = (ids: number[]) => ids.filter((i) => i % 3 === 0).length;
      await migrate(db);
      const moved = await segmentEvents(db);
      for (const [user, ids] of old) expect(moved.filter((row) => row.event.user === user).map((row) => row.event.durationMs)).toEqual(ids);
      const ada = old.get("ada")!;
      expect((await segmentRows(db)).map((segment) => [segment.user_name, segment.events, segment.failures])).toEqual([
        ["ada", 16_384, failures(ada.slice(0, 16_384))],
        // its first event (0 ms, id 15001) comes after ada's first (0 ms, id 7), before ada's rest (6 ms)
        ["bob", 4, failures(old.get("bob")!)],
        ["ada", 5, failures(ada.slice(16_384))],
      ]);
    } finally {
      await db.close();
    }
  }, 120_000);
});

test("a new store has no envelope_events: its events go to segments, read through their three indexes", async () => {
  const db = await openPglite(path.join(temp.dir, "fresh"));
  try {
    await migrate(db);
    await migrate(db);
    expect(await db.query("SELECT to_regclass('envelope_events') AS events")).toEqual([{ events: null }]);
    expect((await db.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'envelope_event_segments' ORDER BY 1")).map((row) => row.indexname)).toEqual([
      "envelope_event_segments_first_at_id",
      "envelope_event_segments_team_first_at_id",
      "envelope_event_segments_user_failures",
    ]);
    expect(await db.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'envelope_first_calls' AND column_name = 'first_id'")).toEqual([{ data_type: "bigint" }]);
  } finally {
    await db.close();
  }
}, 60_000);

test("a store from before token ids and first calls: its tokens get ids, its events' first calls are filled in", async () => {
  const db = await openPglite(path.join(temp.dir, "data"));
  try {
    // the tables as an earlier version made them
    await db.query("CREATE TABLE envelope_tokens (hash text PRIMARY KEY, user_name text NOT NULL, team text NOT NULL, admin boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now())");
    await db.query("INSERT INTO envelope_tokens (hash, user_name, team) VALUES ($1, 'ada', 'churn'), ($2, 'bob', 'churn')", [hashToken("env_ada"), hashToken("env_bob")]);
    await createOldEvents(db, { args: "jsonb", primaryKey: true }, [["2030-01-05", "ada", "get"], ["2030-01-01", "ada", "save"], ["2030-01-09", "bob", "get"]].map(([day, user, fn]) => ({ ...base, at: `${day}T00:00:00Z`, user: user!, fn: fn! })));
    await db.query("DELETE FROM envelope_first_calls");

    await migrate(db);
    await migrate(db);
    const store = createSqlStore(db);
    expect((await store.listTokens()).map((token) => [token.id, token.user])).toEqual([[1, "ada"], [2, "bob"]]);
    expect((await store.saveToken(hashToken("env_cy"), { user: "cy", team: "churn", admin: false })).id).toBe(3);
    const summary = await store.usageSummary({ since: "2030-01-03T00:00:00.000Z", top: 5 });
    expect(await store.usageByFunction({ since: "2030-01-03T00:00:00Z" })).toEqual([{ fn: "get", calls: 2, failures: 0, failureRate: 0, users: 2 }]);
    expect(summary.newUsers).toEqual([{ user: "bob", team: "churn", firstSeen: "2030-01-09T00:00:00.000Z" }]);
    expect((await store.usageSummary({ since: "2030-01-03T00:00:00.000Z", fn: "get", top: 5 })).newUsers.map((user) => user.user)).toEqual(["ada", "bob"]);
  } finally {
    await db.close();
  }
}, 60_000);

test("events recorded after the move get ids after the moved ones, and a batch is counted once though the old store had a trigger counting it", async () => {
  const db = await openPglite(path.join(temp.dir, "after-move"));
  try {
    await createOldEvents(db, { args: "jsonb", primaryKey: true }, []);
    // the trigger that kept the daily counts, as the earlier version made it
    await db.query(`CREATE TABLE envelope_usage_days (day date NOT NULL, team text, user_name text, fn text NOT NULL, success boolean NOT NULL, error_class text, error_code text, error_message text, message_key text, calls integer NOT NULL, last_at timestamptz NOT NULL)`);
    await db.query(`CREATE OR REPLACE FUNCTION envelope_usage_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO envelope_usage_days (day, team, user_name, fn, success, error_class, error_code, error_message, message_key, calls, last_at)
        SELECT (at AT TIME ZONE 'UTC')::date, team, user_name, fn, success, error_class, error_code, error_message, md5(error_message), count(*), max(at) FROM added GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
        RETURN NULL;
      END $$`);
    await db.query("CREATE TRIGGER envelope_usage_days_add AFTER INSERT ON envelope_events REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION envelope_usage_days_add()");
    await db.query("INSERT INTO envelope_events (at, user_name, team, fn, args, success, duration_ms, client_version) VALUES ('2030-01-01T09:00:00Z', 'ada', 'churn', 'get', '[]', true, 1, '0.1.0'), ('2030-01-01T09:30:00Z', 'ada', 'churn', 'get', '[]', true, 1, '0.1.0')");
    await migrate(db);
    expect(await db.query("SELECT proname FROM pg_proc WHERE proname = 'envelope_usage_days_add'")).toEqual([]);
    const event = (time: string) => ({ ...base, at: at(time), args: [] });
    await createSqlStore(db).recordEvents([event("10:00:00.000"), event("11:00:00.000"), { ...event("10:00:00.000"), at: "2030-01-02T10:00:00.000Z" }]);
    expect(await db.query("SELECT day::text, calls FROM envelope_usage_days ORDER BY day")).toEqual([{ day: "2030-01-01", calls: 4 }, { day: "2030-01-02", calls: 1 }]);
    const ids = (await segmentEvents(db)).map((row) => BigInt(row.id));
    expect(ids).toHaveLength(5);
    expect(ids.slice(2).every((id) => id > ids[1]!)).toBe(true);
  } finally {
    await db.close();
  }
}, 60_000);

test("a store from before each version's latest scalars were kept gets them filled in from its metrics", async () => {
  const db = await openPglite(path.join(temp.dir, "scalars"));
  try {
    await migrate(db);
    const store = createSqlStore(db);
    const model = (name: string) => ({ name, owner: "ada", team: "churn", description: "", createdAt: "2030-01-01T00:00:00.000Z", tags: { name }, shape: { inputs: [], outputs: [] }, context: { node: "v20", packages: {} }, features: {}, metrics: [{ name: "auc", kind: "scalar" as const, value: 0.5 }], artifact: { mediaType: "application/json", size: 2, sha256: "0".repeat(64) } });
    await store.saveModel(model("a"));
    await store.saveModel(model("b"));
    await store.logMetrics("a", 1, [{ name: "auc", kind: "scalar", value: 0.75 }, { name: "loss", kind: "scalar", value: 0.2 }], "churn", "2030-01-02T00:00:00.000Z");
    // as a store made before the column: every version without its scalars
    await db.query("UPDATE envelope_models SET scalars = '{}'");
    await migrate(db);
    const page = await store.versionMetrics({ tags: {}, metrics: ["auc"], limit: 10 });
    expect(page.versions.map((row) => [row.name, row.metrics])).toEqual([["a", { auc: 0.75 }], ["b", { auc: 0.5 }]]);
    expect((await db.query<{ scalars: unknown }>("SELECT scalars FROM envelope_models WHERE name = 'a'"))[0]!.scalars).toEqual({ auc: 0.75, loss: 0.2 });
  } finally {
    await db.close();
  }
}, 60_000);
