import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { hashToken } from "../../src/auth/hashToken.ts";
import { createSqlStore, migrate } from "../../src/store/createSqlStore.ts";
import { openPglite } from "../../src/store/openPglite.ts";
import { tempDir } from "../support/tempDir.ts";

const temp = tempDir();
afterAll(() => temp.remove());

test("a store from before token ids and first calls: its tokens get ids, its events' first calls are filled in", async () => {
  const db = await openPglite(path.join(temp.dir, "data"));
  try {
    // the tables as an earlier version made them
    await db.query("CREATE TABLE envelope_tokens (hash text PRIMARY KEY, user_name text NOT NULL, team text NOT NULL, admin boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now())");
    await db.query("INSERT INTO envelope_tokens (hash, user_name, team) VALUES ($1, 'ada', 'churn'), ($2, 'bob', 'churn')", [hashToken("env_ada"), hashToken("env_bob")]);
    await db.query(`CREATE TABLE envelope_events (id serial PRIMARY KEY, at timestamptz NOT NULL, user_name text, team text, fn text NOT NULL, args jsonb NOT NULL, success boolean NOT NULL,
      error_class text, error_code text, error_message text, duration_ms double precision NOT NULL, client_version text NOT NULL, model text)`);
    for (const [at, user, fn] of [["2030-01-05", "ada", "get"], ["2030-01-01", "ada", "save"], ["2030-01-09", "bob", "get"]]) {
      await db.query("INSERT INTO envelope_events (at, user_name, team, fn, args, success, duration_ms, client_version) VALUES ($1, $2, 'churn', $3, '[]', true, 1, '0.1.0')", [`${at}T00:00:00Z`, user, fn]);
    }

    await migrate(db);
    await migrate(db);
    const store = createSqlStore(db);
    expect((await store.listTokens()).map((token) => [token.id, token.user])).toEqual([[1, "ada"], [2, "bob"]]);
    expect((await store.saveToken(hashToken("env_cy"), { user: "cy", team: "churn", admin: false })).id).toBe(3);
    const summary = await store.usageSummary({ since: "2030-01-03T00:00:00.000Z", top: 5 });
    expect(summary.newUsers).toEqual([{ user: "bob", team: "churn", firstSeen: "2030-01-09T00:00:00.000Z" }]);
    expect((await store.usageSummary({ since: "2030-01-03T00:00:00.000Z", fn: "get", top: 5 })).newUsers.map((user) => user.user)).toEqual(["ada", "bob"]);
  } finally {
    await db.close();
  }
}, 60_000);

test("envelope_events has no index on id alone, in a new store and in one from before (every index costs each recorded event; pages read (at, id))", async () => {
  const indexesOnIdAlone = async (db: Awaited<ReturnType<typeof openPglite>>) =>
    (await db.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'envelope_events' AND indexdef LIKE '%(id)'")).map((row) => row.indexname);
  const fresh = await openPglite(path.join(temp.dir, "fresh"));
  const old = await openPglite(path.join(temp.dir, "old"));
  try {
    await migrate(fresh);
    // the table as an earlier version made it: id its primary key
    await old.query("CREATE TABLE envelope_events (id serial PRIMARY KEY, at timestamptz NOT NULL, user_name text, team text, fn text NOT NULL, args jsonb NOT NULL, success boolean NOT NULL, error_class text, error_code text, error_message text, duration_ms double precision NOT NULL, client_version text NOT NULL, model text)");
    await old.query("INSERT INTO envelope_events (at, fn, args, success, duration_ms, client_version) VALUES ('2030-01-01T00:00:00Z', 'get', '[]', true, 1, '0.1.0')");
    expect(await indexesOnIdAlone(old)).toEqual(["envelope_events_pkey"]);
    await migrate(old);
    await migrate(old);
    expect(await indexesOnIdAlone(fresh)).toEqual([]);
    expect(await indexesOnIdAlone(old)).toEqual([]);
    // ids still come from the sequence, after the old ones
    await createSqlStore(old).recordEvents([{ at: "2030-01-02T00:00:00.000Z", fn: "get", args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user: "ada", team: "churn", clientVersion: "0.1.0", model: null }]);
    expect(await old.query("SELECT id FROM envelope_events ORDER BY id")).toEqual([{ id: 1 }, { id: 2 }]);
  } finally {
    await fresh.close();
    await old.close();
  }
}, 60_000);

test("a new store keeps events' args as json (not converted to jsonb at each insert), one from before keeps jsonb; both give back the args recorded", async () => {
  const argsType = async (db: Awaited<ReturnType<typeof openPglite>>) =>
    (await db.query<{ data_type: string }>("SELECT data_type FROM information_schema.columns WHERE table_name = 'envelope_events' AND column_name = 'args'"))[0]?.data_type;
  const fresh = await openPglite(path.join(temp.dir, "fresh-args"));
  const old = await openPglite(path.join(temp.dir, "old-args"));
  try {
    await migrate(fresh);
    await old.query("CREATE TABLE envelope_events (id serial, at timestamptz NOT NULL, user_name text, team text, fn text NOT NULL, args jsonb NOT NULL, success boolean NOT NULL, error_class text, error_code text, error_message text, duration_ms double precision NOT NULL, client_version text NOT NULL, model text)");
    await migrate(old);
    expect([await argsType(fresh), await argsType(old)]).toEqual(["json", "jsonb"]);
    const event = { at: "2030-01-02T00:00:00.000Z", fn: "find", args: [{ query: 'a "b" \\ «c»\n', rows: 1.5, deep: { list: [1, null, true] } }, null], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user: "ada", team: "churn", clientVersion: "0.1.0", model: null };
    for (const db of [fresh, old]) {
      await createSqlStore(db).recordEvents([event]);
      expect((await createSqlStore(db).readEvents({ since: "2030-01-01T00:00:00.000Z", limit: 10 })).events).toEqual([event]);
    }
  } finally {
    await fresh.close();
    await old.close();
  }
}, 60_000);

test("a store with events from before the daily usage counts gets them filled in, and the usage views count them", async () => {
  const db = await openPglite(path.join(temp.dir, "usage-days"));
  try {
    await migrate(db);
    const store = createSqlStore(db);
    const event = (at: string, fn: string, success: boolean) => ({ at, fn, args: [], success, errorClass: null, errorCode: success ? null : "ENVELOPE_INVALID", errorMessage: null, durationMs: 1, user: "ada", team: "churn", clientVersion: "0.1.0", model: null });
    await store.recordEvents([event("2030-01-01T10:00:00Z", "save", true), event("2030-01-03T10:00:00Z", "save", false), event("2030-01-04T10:00:00Z", "get", true)]);
    // as a store made before the counts were kept: events, and no counts
    await db.query("DELETE FROM envelope_usage_days");
    await migrate(db);
    expect(await store.usageByFunction({ since: "2030-01-01T12:00:00Z" })).toEqual([
      { fn: "get", calls: 1, failures: 0, failureRate: 0, users: 1 },
      { fn: "save", calls: 1, failures: 1, failureRate: 1, users: 1 },
    ]);
    expect((await db.query<{ calls: number }>("SELECT sum(calls)::int AS calls FROM envelope_usage_days"))[0]!.calls).toBe(3);
  } finally {
    await db.close();
  }
}, 60_000);

test("a store from when a trigger kept the daily counts loses the trigger: a batch is counted once", async () => {
  const db = await openPglite(path.join(temp.dir, "usage-days-trigger"));
  try {
    await migrate(db);
    // the trigger as the earlier version made it
    await db.query(`CREATE OR REPLACE FUNCTION envelope_usage_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO envelope_usage_days (day, team, user_name, fn, success, error_class, error_code, error_message, message_key, calls, last_at)
        SELECT (at AT TIME ZONE 'UTC')::date, team, user_name, fn, success, error_class, error_code, error_message, md5(error_message), count(*), max(at) FROM added GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT (day, team, user_name, fn, success, error_class, error_code, message_key) DO UPDATE SET calls = envelope_usage_days.calls + EXCLUDED.calls, last_at = greatest(envelope_usage_days.last_at, EXCLUDED.last_at);
        RETURN NULL;
      END $$`);
    await db.query("CREATE OR REPLACE TRIGGER envelope_usage_days_add AFTER INSERT ON envelope_events REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION envelope_usage_days_add()");
    await migrate(db);
    const event = (at: string) => ({ at, fn: "get", args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user: "ada", team: "churn", clientVersion: "0.1.0", model: null });
    await createSqlStore(db).recordEvents([event("2030-01-01T10:00:00.000Z"), event("2030-01-01T11:00:00.000Z"), event("2030-01-02T10:00:00.000Z")]);
    expect(await db.query("SELECT day::text, calls FROM envelope_usage_days ORDER BY day")).toEqual([{ day: "2030-01-01", calls: 2 }, { day: "2030-01-02", calls: 1 }]);
    expect(await db.query("SELECT tgname FROM pg_trigger WHERE tgrelid = 'envelope_events'::regclass")).toEqual([]);
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
