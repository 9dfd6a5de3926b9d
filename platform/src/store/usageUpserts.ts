/**
 * The statements that keep `envelope_first_calls` and `envelope_usage_days` up with a batch of
 * events, from the batch's few groups (`batchUsageGroups`) as a jsonb array, `source`: a
 * parameter or a literal. Each groups its rows again as the database sees them (a day is the
 * UTC date of the timestamptz, a time compares as a time) and upserts them in the groups' order,
 * so that concurrent batches (PostgreSQL) lock shared rows in one order and never deadlock.
 */

/** an upsert's end that moves a first call earlier when the new one is (ties by event id) */
export const keepEarlierFirstCall = `ON CONFLICT (user_name, team, fn) DO UPDATE SET first_at = EXCLUDED.first_at, first_id = EXCLUDED.first_id
  WHERE (EXCLUDED.first_at, EXCLUDED.first_id) < (envelope_first_calls.first_at, envelope_first_calls.first_id)`;

/**
 * Each user's first call per team and function, moved earlier when the batch has an earlier
 * one (ties by event id); `firstId` the SQL of a group's event id from its `k`, the event's key
 * in the batch (`eventSegments`: segment index * 16384 + place in the segment).
 */
export const firstCallsUpsert = (source: string, firstId: string) => `INSERT INTO envelope_first_calls (user_name, team, fn, first_at, first_id)
  SELECT DISTINCT ON (user_name, team, fn) user_name, team, fn, at, ${firstId}
  FROM (SELECT g->>0 AS user_name, g->>1 AS team, g->>2 AS fn, (g->>3)::timestamptz AS at, (g->>4)::bigint AS k FROM jsonb_array_elements(${source}) AS g) calls
  ORDER BY user_name, team, fn, at, k
  ${keepEarlierFirstCall}`;

/**
 * The events per UTC day and group of the dashboard's daily counts, added to the counts, the
 * message by its md5 in the key (as the schema's backfill groups them).
 */
export const usageDaysUpsert = (source: string) => `INSERT INTO envelope_usage_days (day, team, user_name, fn, success, error_class, error_code, error_message, message_key, calls, last_at)
  SELECT (at AT TIME ZONE 'UTC')::date, team, user_name, fn, success, error_class, error_code, error_message, md5(error_message), sum(calls), max(at)
  FROM (SELECT (g->>0)::timestamptz AS at, g->>1 AS team, g->>2 AS user_name, g->>3 AS fn, (g->>4)::boolean AS success, g->>5 AS error_class, g->>6 AS error_code, g->>7 AS error_message, (g->>8)::integer AS calls
        FROM jsonb_array_elements(${source}) AS g) groups
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (day, team, user_name, fn, success, error_class, error_code, message_key) DO UPDATE SET calls = envelope_usage_days.calls + EXCLUDED.calls, last_at = greatest(envelope_usage_days.last_at, EXCLUDED.last_at)`;

/**
 * `value` as a jsonb literal, for statements that cannot take parameters (PGlite's `exec`):
 * JSON text in a standard string (`standard_conforming_strings`, on by default: a backslash is
 * itself), its quotes doubled.
 */
export const jsonbLiteral = (value: unknown) => `'${JSON.stringify(value).replaceAll("'", "''")}'::jsonb`;

/**
 * A function that runs both upserts, `envelope_usage_add(calls, days, id_base)`: PGlite plans a
 * statement like these for about 2 ms of CPU each time it is sent, where a function's statements
 * are planned once per connection. `id_base` plus a first call's `k` is its event's id: the first
 * segment's id times 16384, where the batch's segments have consecutive ids (COPY on PGlite).
 */
export const usageAddFunction = `CREATE OR REPLACE FUNCTION envelope_usage_add(added_calls jsonb, added_days jsonb, id_base bigint) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    ${firstCallsUpsert("added_calls", "id_base + k")};
    ${usageDaysUpsert("added_days")};
  END $$`;
