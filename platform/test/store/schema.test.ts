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
