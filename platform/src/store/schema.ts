import { eventSegmentsMigration } from "./eventSegmentsMigration.ts";
import { usageAddFunction } from "./usageUpserts.ts";

/**
 * The registry's tables, the same for PGlite and PostgreSQL. `envelope_names` holds one row per
 * model name with its owning team and last version: saving bumps it with an upsert, which locks
 * the row, so concurrent saves of a name get distinct, consecutive versions and a save whose
 * transaction never commits leaves no trace. `envelope_deploy_rules` holds one rule per service
 * (the tags its model must have) and `envelope_deployments` the model each service last ran.
 * Token ids come from their own sequence, added to stores made before tokens had ids (the
 * default numbers the existing rows), and outside `clear`'s reach: a revoked id never returns.
 *
 * Usage events are stored in segments (`eventSegments.ts`): a segment holds the events of one
 * recorded batch with the same team and user whose `at` fall in the same UTC second, at most
 * 16,384 of them, as a JSON array in `body` (short keys, nulls left out, sorted by `at` then
 * place in the batch), with the counts readers filter on beside it (`first_at`, `last_at`,
 * `events`, `failures`, `last_failure_at`). An event's id is `segment.id * 16384 + n`, `n` its
 * place in the body, and events are ordered by (`at`, id). Why: one row per event with three
 * indexes cost PGlite 12.4 µs of CPU per event, a segment 2.3 (BENCHMARKS.md, "Usage events in
 * segments"). Reading single events costs more (a segment is parsed whole), and is rare:
 * exports, the window's first partial day, a user's last failures. Segments are read in pages by (first_at, id), or (team, first_at, id) for a team's
 * reader, and a user's failures by (user_name, last_failure_at); `id` is no primary key (nothing
 * looks a segment up by id alone, and every index costs each recorded batch). `body` is text,
 * stored uncompressed (storage external): recording never pays for compression. Stores from
 * before had one row per event in `envelope_events`: opening one moves its events into segments
 * and drops it (`eventSegmentsMigration.ts`).
 *
 * `envelope_first_calls` keeps each user's first call per team and function (`first_id` the
 * event's id, so bigint), kept up by `recordEvents`: new users are found in it, without a pass
 * over every event. `envelope_usage_days` counts the events per UTC day and group (team, user,
 * function, outcome, error; the message by its md5 in the key, and the key's nulls equal to each
 * other, NULLS NOT DISTINCT, so an upsert finds its row), kept up by `recordEvents` from each
 * batch's groups: the dashboard's usage views read it for the whole days of a window and the
 * events only for the window's first, partial day.
 * The dashboard (issue 17) pages versions by (created_at, name, version), the order of
 * `envelope_models_created`, and finds a version's latest value of a metric by
 * (model_id, name, id); `envelope_alerts` keeps the alerts clients and services say they
 * sent, read newest first (by id; a team's by (team, id)). `envelope_models.scalars` holds each
 * version's latest value of each scalar metric (by the metrics' id order), kept by a trigger on
 * each insert into `envelope_metrics` and filled when no version has any: the dashboard's
 * metrics page reads it with the version's row instead of looking metrics up per version.
 */
/** Per version (`model_id`) of the metric rows in `table`, the last value of each scalar metric, as a jsonb object (`scalars`). */
const latestScalars = (table: string) => `SELECT model_id, jsonb_object_agg(name, value) AS scalars FROM (
    SELECT DISTINCT ON (model_id, metric->>'name') model_id, metric->>'name' AS name, metric->'value' AS value
    FROM ${table} WHERE metric->>'kind' = 'scalar' ORDER BY model_id, metric->>'name', id DESC
  ) latest GROUP BY model_id`;

export const schemaSql = `
CREATE TABLE IF NOT EXISTS envelope_tokens (
  hash text PRIMARY KEY,
  user_name text NOT NULL,
  team text NOT NULL,
  admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE IF NOT EXISTS envelope_token_ids;
ALTER TABLE envelope_tokens ADD COLUMN IF NOT EXISTS id integer NOT NULL DEFAULT nextval('envelope_token_ids');
ALTER TABLE envelope_tokens ADD COLUMN IF NOT EXISTS last_used_at timestamptz;
CREATE UNIQUE INDEX IF NOT EXISTS envelope_tokens_id ON envelope_tokens (id);
CREATE TABLE IF NOT EXISTS envelope_names (
  name text PRIMARY KEY,
  team text NOT NULL,
  last_version integer NOT NULL
);
CREATE TABLE IF NOT EXISTS envelope_models (
  id serial PRIMARY KEY,
  name text NOT NULL REFERENCES envelope_names (name),
  version integer NOT NULL,
  owner text NOT NULL,
  team text NOT NULL,
  description text NOT NULL,
  created_at timestamptz NOT NULL,
  tags jsonb NOT NULL,
  shape jsonb NOT NULL,
  context jsonb NOT NULL,
  features jsonb NOT NULL,
  artifact jsonb NOT NULL,
  UNIQUE (name, version)
);
CREATE INDEX IF NOT EXISTS envelope_models_tags ON envelope_models USING gin (tags jsonb_path_ops);
CREATE TABLE IF NOT EXISTS envelope_metrics (
  id serial PRIMARY KEY,
  model_id integer NOT NULL REFERENCES envelope_models (id),
  metric jsonb NOT NULL,
  logged_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS envelope_metrics_model ON envelope_metrics (model_id, id);
CREATE TABLE IF NOT EXISTS envelope_event_segments (
  id serial,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  team text,
  user_name text,
  events integer NOT NULL,
  failures integer NOT NULL,
  last_failure_at timestamptz,
  body text NOT NULL
);
ALTER TABLE envelope_event_segments ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE INDEX IF NOT EXISTS envelope_event_segments_first_at_id ON envelope_event_segments (first_at, id);
CREATE INDEX IF NOT EXISTS envelope_event_segments_team_first_at_id ON envelope_event_segments (team, first_at, id);
CREATE INDEX IF NOT EXISTS envelope_event_segments_user_failures ON envelope_event_segments (user_name, last_failure_at) WHERE failures > 0;
CREATE TABLE IF NOT EXISTS envelope_first_calls (
  user_name text NOT NULL,
  team text NOT NULL,
  fn text NOT NULL,
  first_at timestamptz NOT NULL,
  first_id bigint NOT NULL,
  PRIMARY KEY (user_name, team, fn)
);
CREATE TABLE IF NOT EXISTS envelope_deploy_rules (
  service text PRIMARY KEY,
  tags jsonb NOT NULL,
  port integer,
  team text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS envelope_deployments (
  service text PRIMARY KEY REFERENCES envelope_deploy_rules (service),
  name text NOT NULL,
  version integer NOT NULL,
  deployed_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS envelope_models_created ON envelope_models (created_at, name COLLATE "C", version);
CREATE TABLE IF NOT EXISTS envelope_alerts (
  id serial PRIMARY KEY,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  text text NOT NULL,
  status integer,
  source text NOT NULL,
  user_name text,
  team text
);
CREATE INDEX IF NOT EXISTS envelope_alerts_team_id ON envelope_alerts (team, id);
CREATE TABLE IF NOT EXISTS envelope_batch_runs (
  id serial PRIMARY KEY,
  name text NOT NULL,
  version integer NOT NULL,
  user_name text NOT NULL,
  team text NOT NULL,
  recorded_at timestamptz NOT NULL,
  run jsonb NOT NULL,
  FOREIGN KEY (name, version) REFERENCES envelope_models (name, version)
);
CREATE INDEX IF NOT EXISTS envelope_batch_runs_name_id ON envelope_batch_runs (name, id);
CREATE INDEX IF NOT EXISTS envelope_metrics_model_name ON envelope_metrics (model_id, (metric->>'name'), id);
CREATE TABLE IF NOT EXISTS envelope_usage_days (
  day date NOT NULL,
  team text,
  user_name text,
  fn text NOT NULL,
  success boolean NOT NULL,
  error_class text,
  error_code text,
  error_message text,
  message_key text,
  calls integer NOT NULL,
  last_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS envelope_usage_days_group ON envelope_usage_days (day, team, user_name, fn, success, error_class, error_code, message_key) NULLS NOT DISTINCT;
ALTER TABLE envelope_models ADD COLUMN IF NOT EXISTS scalars jsonb NOT NULL DEFAULT '{}';
UPDATE envelope_models m SET scalars = latest.scalars FROM (${latestScalars("envelope_metrics")}) latest
  WHERE m.id = latest.model_id AND NOT EXISTS (SELECT 1 FROM envelope_models WHERE scalars <> '{}');
`;

/**
 * Statements with `;` inside, run after `schemaSql` in the same transaction: the move of a store
 * from before segments (then the function of the trigger that kept its daily counts, which goes
 * with `envelope_events`), the function that adds a batch's groups to the first calls and the
 * daily counts (`usageUpserts.ts`), and the trigger that keeps each version's latest scalars.
 */
export const schemaRoutines: readonly string[] = [
  eventSegmentsMigration,
  "DROP FUNCTION IF EXISTS envelope_usage_days_add()",
  usageAddFunction,
  `CREATE OR REPLACE FUNCTION envelope_scalars_add() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE envelope_models m SET scalars = m.scalars || latest.scalars FROM (${latestScalars("added")}) latest WHERE m.id = latest.model_id;
     RETURN NULL;
   END $$`,
  "CREATE OR REPLACE TRIGGER envelope_scalars_add AFTER INSERT ON envelope_metrics REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION envelope_scalars_add()",
];

/** An arbitrary constant for the advisory lock that serialises schema creation across registries. */
export const schemaLockKey = 7_461_221;
