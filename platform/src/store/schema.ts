import { usageAddFunction } from "./usageUpserts.ts";

/**
 * The registry's tables, the same for PGlite and PostgreSQL. `envelope_names` holds one row per
 * model name with its owning team and last version: saving bumps it with an upsert, which locks
 * the row, so concurrent saves of a name get distinct, consecutive versions and a save whose
 * transaction never commits leaves no trace. `envelope_deploy_rules` holds one rule per service
 * (the tags its model must have) and `envelope_deployments` the model each service last ran.
 * Token ids come from their own sequence, added to stores made before tokens had ids (the
 * default numbers the existing rows), and outside `clear`'s reach: a revoked id never returns.
 * Events are read in pages by (at, id), or (team, at, id) for a team's reader, indexes that
 * also serve a window's `at >=`.
 * `id` is no primary key: it comes from a sequence, nothing looks an event up by id alone, and
 * every index costs each recorded event (npm run bench:serving, the registry's CPU per event).
 * An event's `args` is `json` (its text, checked, kept as it came), not `jsonb`: nothing queries
 * into it, and converting it cost PGlite about 1.8 µs of each event's 17. Stores made before keep
 * `jsonb` (rewriting a large table at start is not worth it): the same SQL writes and reads both.
 * `envelope_first_calls` keeps each user's first call per team and function, kept up by
 * `recordEvents` and filled from the events when it is empty (a store from before it): new users
 * are found in it, without a pass over every event.
 * The dashboard (issue 17) pages versions by (created_at, name, version), the order of
 * `envelope_models_created`, and finds a version's latest value of a metric by
 * (model_id, name, id); `envelope_alerts` keeps the alerts clients and services say they
 * sent, read newest first (by id; a team's by (team, id)). `envelope_usage_days` counts the
 * events per UTC day and group (team, user, function, outcome, error), kept up by
 * `recordEvents` from each batch's groups (a statement trigger on `envelope_events` did it
 * before; it cost each event more, and goes) and filled from the events when it is empty: the
 * dashboard's usage views read it for the whole days of a window (about a tenth of the rows)
 * and the events only for the window's first, partial day. `envelope_models.scalars` holds each
 * version's latest value of each scalar metric (by the metrics' id order), kept by a trigger on
 * each insert into `envelope_metrics` and filled when no version has any: the dashboard's
 * metrics page reads it with the version's row instead of looking metrics up per version.
 */
/**
 * An event's day (UTC) and group in `envelope_usage_days`: everything the dashboard groups by,
 * the message by its md5 in the key (a message may be longer than an index entry can be); the
 * key's nulls are equal to each other (NULLS NOT DISTINCT), so an upsert finds its row.
 */
const usageDayColumns = `(at AT TIME ZONE 'UTC')::date, team, user_name, fn, success, error_class, error_code, error_message, md5(error_message)`;

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
CREATE TABLE IF NOT EXISTS envelope_events (
  id serial,
  at timestamptz NOT NULL,
  user_name text,
  team text,
  fn text NOT NULL,
  args json NOT NULL,
  success boolean NOT NULL,
  error_class text,
  error_code text,
  error_message text,
  duration_ms double precision NOT NULL,
  client_version text NOT NULL,
  model text
);
DROP INDEX IF EXISTS envelope_events_at;
CREATE INDEX IF NOT EXISTS envelope_events_at_id ON envelope_events (at, id);
CREATE INDEX IF NOT EXISTS envelope_events_team_at_id ON envelope_events (team, at, id);
CREATE TABLE IF NOT EXISTS envelope_first_calls (
  user_name text NOT NULL,
  team text NOT NULL,
  fn text NOT NULL,
  first_at timestamptz NOT NULL,
  first_id integer NOT NULL,
  PRIMARY KEY (user_name, team, fn)
);
INSERT INTO envelope_first_calls (user_name, team, fn, first_at, first_id)
  SELECT DISTINCT ON (user_name, coalesce(team, ''), fn) user_name, coalesce(team, ''), fn, at, id FROM envelope_events
  WHERE user_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM envelope_first_calls)
  ORDER BY user_name, coalesce(team, ''), fn, at, id
  ON CONFLICT DO NOTHING;
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
ALTER TABLE envelope_events DROP CONSTRAINT IF EXISTS envelope_events_pkey;
CREATE INDEX IF NOT EXISTS envelope_metrics_model_name ON envelope_metrics (model_id, (metric->>'name'), id);
CREATE INDEX IF NOT EXISTS envelope_events_user_failures ON envelope_events (user_name, at) WHERE NOT success;
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
INSERT INTO envelope_usage_days (day, team, user_name, fn, success, error_class, error_code, error_message, message_key, calls, last_at)
  SELECT ${usageDayColumns}, count(*), max(at) FROM envelope_events
  WHERE NOT EXISTS (SELECT 1 FROM envelope_usage_days) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT DO NOTHING;
ALTER TABLE envelope_models ADD COLUMN IF NOT EXISTS scalars jsonb NOT NULL DEFAULT '{}';
UPDATE envelope_models m SET scalars = latest.scalars FROM (${latestScalars("envelope_metrics")}) latest
  WHERE m.id = latest.model_id AND NOT EXISTS (SELECT 1 FROM envelope_models WHERE scalars <> '{}');
DROP TRIGGER IF EXISTS envelope_usage_days_add ON envelope_events;
DROP FUNCTION IF EXISTS envelope_usage_days_add();
`;

/**
 * Statements with `;` inside, run after `schemaSql` in the same transaction: the function that
 * adds a batch's groups to the first calls and the daily counts (`usageUpserts.ts`), and the
 * trigger that keeps each version's latest scalars.
 */
export const schemaRoutines: readonly string[] = [
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
