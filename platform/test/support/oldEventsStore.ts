import type { Queryable } from "../../src/store/Database.ts";

/** An event as a store from before segments held it: `args` as the JSON text stored. */
export interface OldEvent {
  at: string;
  user: string | null;
  team: string | null;
  fn: string;
  args: string;
  success: boolean;
  errorClass: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
  clientVersion: string;
  model: string | null;
}

/** How an earlier version made `envelope_events`: `args` json or jsonb, `id` its primary key or not. */
export interface OldShape {
  args: "json" | "jsonb";
  primaryKey: boolean;
}

/**
 * Makes `envelope_events` (with the indexes of its time) and `envelope_first_calls` (first_id
 * integer, filled as the old code did) as an earlier version did, and inserts `events` in order:
 * their ids are 1, 2, ...
 */
export async function createOldEvents(db: Queryable, shape: OldShape, events: readonly OldEvent[]): Promise<void> {
  await db.query(`CREATE TABLE envelope_events (id serial${shape.primaryKey ? " PRIMARY KEY" : ""}, at timestamptz NOT NULL, user_name text, team text, fn text NOT NULL, args ${shape.args} NOT NULL,
    success boolean NOT NULL, error_class text, error_code text, error_message text, duration_ms double precision NOT NULL, client_version text NOT NULL, model text)`);
  await db.query("CREATE INDEX envelope_events_at_id ON envelope_events (at, id)");
  await db.query("CREATE INDEX envelope_events_team_at_id ON envelope_events (team, at, id)");
  await db.query("CREATE INDEX envelope_events_user_failures ON envelope_events (user_name, at) WHERE NOT success");
  if (events.length > 0) {
    // json_to_recordset keeps a json field's text as it came: a json column stores it so
    await db.query(
      `INSERT INTO envelope_events (at, user_name, team, fn, args, success, error_class, error_code, error_message, duration_ms, client_version, model)
       SELECT at, "user", team, fn, coalesce(args, 'null'), success, "errorClass", "errorCode", "errorMessage", "durationMs", "clientVersion", model
       FROM ROWS FROM (json_to_recordset($1::text::json) AS (at timestamptz, "user" text, team text, fn text, args json, success boolean, "errorClass" text, "errorCode" text, "errorMessage" text, "durationMs" double precision, "clientVersion" text, model text)) WITH ORDINALITY AS e
       ORDER BY ordinality`,
      [`[${events.map(({ args, ...rest }) => `${JSON.stringify(rest).slice(0, -1)},"args":${args}}`).join(",")}]`],
    );
  }
  await db.query("CREATE TABLE envelope_first_calls (user_name text NOT NULL, team text NOT NULL, fn text NOT NULL, first_at timestamptz NOT NULL, first_id integer NOT NULL, PRIMARY KEY (user_name, team, fn))");
  await db.query(`INSERT INTO envelope_first_calls (user_name, team, fn, first_at, first_id)
    SELECT DISTINCT ON (user_name, coalesce(team, ''), fn) user_name, coalesce(team, ''), fn, at, id FROM envelope_events
    WHERE user_name IS NOT NULL ORDER BY user_name, coalesce(team, ''), fn, at, id`);
}

/** An event read back from the segments with rule 5's SQL, and where it sits. */
export interface SegmentEvent {
  id: string;
  segment: number;
  n: number;
  event: Omit<OldEvent, "args"> & { args: unknown };
}

/** Every event in the segments, by (at, id), read as `eventSegments.ts`, rule 5, says readers read them. */
export async function segmentEvents(db: Queryable): Promise<SegmentEvent[]> {
  const rows = await db.query<{ id: string; segment: number; n: number; team: string | null; user_name: string | null; t: Date; f: string; a: unknown; s: boolean; c: string | null; k: string | null; m: string | null; d: number; v: string; o: string | null }>(
    `SELECT (s.id::bigint * 16384 + e.n - 1)::text AS id, s.id AS segment, e.n::int AS n, s.team, s.user_name, e.t, e.f, e.a, e.s, e.c, e.k, e.m, e.d, e.v, e.o
     FROM envelope_event_segments s,
       ROWS FROM (json_to_recordset(s.body::json) AS (t timestamptz, f text, a json, s boolean, c text, k text, m text, d double precision, v text, o text))
       WITH ORDINALITY AS e(t, f, a, s, c, k, m, d, v, o, n)
     ORDER BY e.t, s.id::bigint * 16384 + e.n - 1`,
  );
  return rows.map((row) => ({
    id: row.id,
    segment: row.segment,
    n: row.n,
    event: { at: new Date(row.t).toISOString(), user: row.user_name, team: row.team, fn: row.f, args: row.a, success: row.s, errorClass: row.c, errorCode: row.k, errorMessage: row.m, durationMs: row.d, clientVersion: row.v, model: row.o },
  }));
}

/** The segments' own columns, by id, times as ISO strings. */
export async function segmentRows(db: Queryable) {
  const rows = await db.query<{ id: number; first_at: Date; last_at: Date; team: string | null; user_name: string | null; events: number; failures: number; last_failure_at: Date | null; body: string }>(
    "SELECT id, first_at, last_at, team, user_name, events, failures, last_failure_at, body FROM envelope_event_segments ORDER BY id",
  );
  const iso = (at: Date) => new Date(at).toISOString();
  return rows.map((row) => ({ ...row, first_at: iso(row.first_at), last_at: iso(row.last_at), last_failure_at: row.last_failure_at && iso(row.last_failure_at) }));
}
