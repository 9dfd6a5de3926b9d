/**
 * Bulk seeding for `bench:dashboard`: model versions with scalar and series metrics, and usage
 * events (as segments), written by a few `INSERT ... SELECT FROM generate_series` statements
 * straight into the store's tables (10,000 HTTP saves would take minutes and measure the saves, not the reads).
 * The same SQL on PGlite and PostgreSQL; run on a migrated, empty store's database.
 */
import type { Queryable } from "../src/store/Database.ts";
import { eventsPerSegment as segmentSpan } from "../src/store/eventSegments.ts";

/** Names of the seeded scalar metrics; `roc` is the one series. */
export const benchMetricNames = ["auc", "accuracy", "precision", "recall", "f1", "loss", "latency_ms", "coverage", "drift", "calibration"];

export interface DashboardSeed {
  /** model versions, 40 per name */
  versions: number;
  /** scalar metrics per version (at most `benchMetricNames.length`), plus one `roc` series */
  metrics: number;
  /** usage events over the 30 days before `now` (see `seedEvents`) */
  events: number;
  now: Date;
}

/**
 * Seeds versions (`model-<n>` v1..v40, tags stage in dev/staging/prod by version, region by
 * name, team t0..t9), their metrics, and usage events with each user's first calls.
 */
export async function seedDashboard(db: Queryable, seed: DashboardSeed): Promise<void> {
  const names = Math.ceil(seed.versions / 40);
  const end = seed.now.toISOString();
  await db.query(
    `INSERT INTO envelope_names (name, team, last_version)
     SELECT 'model-' || n, 't' || (n % 10), least(40, $1::int - n * 40) FROM generate_series(0, $2::int - 1) AS n`,
    [seed.versions, names],
  );
  // version i of the whole seed: name i / 40, version i % 40 + 1, one version an hour up to now
  await db.query(
    `INSERT INTO envelope_models (name, version, owner, team, description, created_at, tags, shape, context, features, artifact)
     SELECT 'model-' || (i / 40), i % 40 + 1, 't' || ((i / 40) % 10) || '-user', 't' || ((i / 40) % 10), '',
       $2::timestamptz - ($1::int - i) * interval '1 hour',
       jsonb_build_object('name', 'model-' || (i / 40), 'team', 't' || ((i / 40) % 10), 'owner', 't' || ((i / 40) % 10) || '-user', 'description', '',
         'stage', (ARRAY['dev', 'staging', 'prod'])[i % 3 + 1], 'region', (ARRAY['us', 'eu', 'ap'])[(i / 40) % 3 + 1]),
       '{"inputs":[{"name":"x","type":"number","nullable":false}],"outputs":[{"name":"y","type":"number","nullable":false}]}'::jsonb,
       '{"node":"v20.19.0","packages":{}}'::jsonb, '{}'::jsonb,
       '{"mediaType":"application/json","size":2,"sha256":"${"0".repeat(64)}"}'::jsonb
     FROM generate_series(0, $1::int - 1) AS i`,
    [seed.versions, end],
  );
  await db.query(
    `INSERT INTO envelope_metrics (model_id, metric, logged_at)
     SELECT m.id, jsonb_build_object('name', ($2::text[])[k], 'kind', 'scalar', 'value', round((((m.id * 7 + k * 13) % 100) / 100.0)::numeric, 2)), m.created_at
     FROM envelope_models m CROSS JOIN generate_series(1, $1::int) AS k ORDER BY m.id, k`,
    [seed.metrics, benchMetricNames],
  );
  // a version's metrics side by side, as a save writes them; then each version's curve, logged later
  await db.query(
    `INSERT INTO envelope_metrics (model_id, metric, logged_at)
     SELECT m.id, jsonb_build_object('name', 'roc', 'kind', 'series', 'points', jsonb_build_array(jsonb_build_object('x', 0, 'y', 0), jsonb_build_object('x', 0.5, 'y', 0.8), jsonb_build_object('x', 1, 'y', 1))), m.created_at
     FROM envelope_models m`,
  );
  await seedEvents(db, seed.events, seed.now);
}

/**
 * `count` usage events over the 30 days before `now`, one call in 20 failing, from users who
 * join over the whole time (user-0 first, user-199 by the end: new users every week), stored as
 * `recordEvents` stores one batch of them (`eventSegments.ts`, rules 1-4): a segment per team,
 * user and UTC second, its events as JSON in (at, place) order; then the daily counts and the
 * first calls (an event's id: its segment's id * 16384 + its place), counted from the segments
 * as stored, so the three agree.
 */
export async function seedEvents(db: Queryable, count: number, now: Date): Promise<void> {
  // events are 30 days / count apart, so a second holds at most count / 2,592,000 of them + 1
  if (count / (30 * 86_400) + 1 > segmentSpan) throw new Error(`seedEvents: count ${count} puts more than ${segmentSpan} events in a second (a segment's most); expected at most ${(segmentSpan - 1) * 30 * 86_400}`);
  const fns = ["save", "get", "find", "tag", "logMetrics", "metrics", "artifact", "whoami"];
  await db.query(
    `INSERT INTO envelope_event_segments (first_at, last_at, team, user_name, events, failures, last_failure_at, body)
     SELECT min(at), max(at), team, user_name, count(*), count(*) FILTER (WHERE NOT success), max(at) FILTER (WHERE NOT success),
       json_agg(json_strip_nulls(json_build_object('t', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'f', fn, 'a', '[]'::json, 's', success,
         'c', error_class, 'k', error_code, 'm', error_message, 'd', duration_ms, 'v', '0.1.0', 'o', model)) ORDER BY at, i)::text
     FROM (
       SELECT i, date_trunc('milliseconds', $2::timestamptz - interval '30 days' + (i::float8 / $1::int) * interval '30 days') AS at,
         'user-' || u AS user_name, 'team-' || (u % 10) AS team, ($3::text[])[(i * 7) % 8 + 1] AS fn, i % 20 <> 7 AS success,
         CASE WHEN i % 20 = 7 THEN 'EnvelopeError' END AS error_class,
         CASE WHEN i % 20 = 7 THEN (ARRAY['ENVELOPE_NOT_FOUND', 'ENVELOPE_INVALID', 'ENVELOPE_FORBIDDEN'])[i % 3 + 1] END AS error_code,
         CASE WHEN i % 20 = 7 THEN (ARRAY['model gone version latest not found', 'the envelope has 1 problem', 'model churn belongs to team a'])[i % 3 + 1] END AS error_message,
         1 + i % 40 AS duration_ms, 'model-' || (i % 50) AS model
       FROM generate_series(0, $1::int - 1) AS i, LATERAL (SELECT i % (1 + (200 * i::bigint / $1::int))::int AS u) AS users
     ) events
     GROUP BY team, user_name, date_trunc('second', at) ORDER BY min(at), min(i)`,
    [count, now.toISOString(), fns],
  );
  const events = `SELECT s.id * ${segmentSpan}::bigint + e.n - 1 AS id, s.team, s.user_name, e.t AS at, e.f AS fn, e.s AS success, e.c AS error_class, e.k AS error_code, e.m AS error_message
    FROM envelope_event_segments s, ROWS FROM (json_to_recordset(s.body::json) AS (t timestamptz, f text, s boolean, c text, k text, m text)) WITH ORDINALITY AS e(t, f, s, c, k, m, n)`;
  await db.query(
    `INSERT INTO envelope_usage_days (day, team, user_name, fn, success, error_class, error_code, error_message, message_key, calls, last_at)
     SELECT (at AT TIME ZONE 'UTC')::date, team, user_name, fn, success, error_class, error_code, error_message, md5(error_message), count(*), max(at)
     FROM (${events}) events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  );
  await db.query(
    `INSERT INTO envelope_first_calls (user_name, team, fn, first_at, first_id)
     SELECT DISTINCT ON (user_name, coalesce(team, ''), fn) user_name, coalesce(team, ''), fn, at, id FROM (${events}) events
     WHERE user_name IS NOT NULL ORDER BY user_name, coalesce(team, ''), fn, at, id
     ON CONFLICT DO NOTHING`,
  );
}
