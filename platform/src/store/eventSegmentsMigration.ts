import { eventsPerSegment } from "./eventSegments.ts";

/**
 * Moves a store from before segments (`eventSegments.ts`) onto them: one plpgsql block, run by
 * `migrate` after `schemaSql` (which made the segments table) in the same transaction. It does
 * something only when `envelope_events` exists; plpgsql plans a statement when it first runs it,
 * so on a store without the table none of the statements that name it is ever planned.
 *
 * What it does, in this order:
 * 1. fills `envelope_usage_days` from the events when it is empty (a store from before the daily
 *    counts), as the counts were always grouped;
 * 2. moves the events into segments: one per (team, user, UTC second of `at`), its body the
 *    events sorted by (`at`, old id) as pages read them, split every 16,384 events; `t`,
 *    `first_at`, `last_at` and `last_failure_at` are `at` cut to the millisecond (what readers
 *    always got back; an older client may have sent microseconds), so they agree. Segments are
 *    numbered in the order of their first event's (`at`, old id), so ties between segments keep
 *    the order they had as far as segments can;
 * 3. refills `envelope_first_calls` from the segments, so that each `first_id` is its event's new
 *    id (`segment.id * 16384 + n`); nothing ever deleted events but `clear`, which empties the
 *    first calls too, so the events hold every first call;
 * 4. drops `envelope_events`, with its indexes, sequence and the old trigger that kept the counts.
 *
 * An event becomes its JSON object by concatenation, not `json_build_object` and
 * `json_strip_nulls`: the strip would also take the nulls inside `args`, which must come back
 * as recorded (`args::text` is a `json` column's text as it came, or a `jsonb` one's canonical
 * text); `to_json` writes each string as a JSON string and each number as JSON reads it back.
 */

/**
 * An event's day (UTC) and group in `envelope_usage_days`: everything the dashboard groups by,
 * the message by its md5 in the key (a message may be longer than an index entry can be).
 */
const usageDayColumns = `(at AT TIME ZONE 'UTC')::date, team, user_name, fn, success, error_class, error_code, error_message, md5(error_message)`;

/** An `envelope_events` row (`at_ms` its `at` cut to the millisecond) as the text of its segment body's object (rule 3). */
const eventObject = `'{"t":' || to_json(to_char(at_ms AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
      || ',"f":' || to_json(fn)::text
      || CASE WHEN args IS NULL OR json_typeof(args::json) = 'null' THEN '' ELSE ',"a":' || args::text END
      || ',"s":' || success::text
      || coalesce(',"c":' || to_json(error_class)::text, '')
      || coalesce(',"k":' || to_json(error_code)::text, '')
      || coalesce(',"m":' || to_json(error_message)::text, '')
      || coalesce(',"d":' || to_json(duration_ms)::text, '')
      || coalesce(',"v":' || to_json(client_version)::text, '')
      || coalesce(',"o":' || to_json(model)::text, '')
      || '}'`;

/** The plpgsql block that moves `envelope_events` into `envelope_event_segments`, then drops it (see above). */
export const eventSegmentsMigration = `DO $migrate$
BEGIN
  IF to_regclass('envelope_events') IS NULL THEN
    RETURN;
  END IF;

  INSERT INTO envelope_usage_days (day, team, user_name, fn, success, error_class, error_code, error_message, message_key, calls, last_at)
    SELECT ${usageDayColumns}, count(*), max(at) FROM envelope_events
    WHERE NOT EXISTS (SELECT 1 FROM envelope_usage_days) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT DO NOTHING;

  INSERT INTO envelope_event_segments (first_at, last_at, team, user_name, events, failures, last_failure_at, body)
    SELECT min(at_ms), max(at_ms), team, user_name, count(*)::integer, (count(*) FILTER (WHERE NOT success))::integer, max(at_ms) FILTER (WHERE NOT success),
      '[' || string_agg(event, ',' ORDER BY at, id) || ']'
    FROM (
      SELECT id, at, at_ms, team, user_name, success, date_trunc('second', at AT TIME ZONE 'UTC') AS second,
        row_number() OVER (PARTITION BY team, user_name, date_trunc('second', at AT TIME ZONE 'UTC') ORDER BY at, id) - 1 AS r,
        ${eventObject} AS event
      FROM (SELECT id, at, date_trunc('milliseconds', at) AS at_ms, user_name, team, fn, args, success, error_class, error_code, error_message, duration_ms, client_version, model FROM envelope_events) cut
    ) numbered
    GROUP BY team, user_name, second, r / ${eventsPerSegment}
    ORDER BY min(at), min(id) FILTER (WHERE r % ${eventsPerSegment} = 0);

  ALTER TABLE envelope_first_calls ALTER COLUMN first_id TYPE bigint;
  DELETE FROM envelope_first_calls;
  INSERT INTO envelope_first_calls (user_name, team, fn, first_at, first_id)
    SELECT DISTINCT ON (s.user_name, coalesce(s.team, ''), e.f) s.user_name, coalesce(s.team, ''), e.f, e.t, s.id::bigint * ${eventsPerSegment} + e.n - 1
    FROM envelope_event_segments s,
      ROWS FROM (json_to_recordset(s.body::json) AS (t timestamptz, f text)) WITH ORDINALITY AS e(t, f, n)
    WHERE s.user_name IS NOT NULL
    ORDER BY s.user_name, coalesce(s.team, ''), e.f, e.t, s.id, e.n;

  DROP TABLE envelope_events;
END $migrate$`;
