import type { UsageWindow } from "./DashboardStore.ts";

/** `$1` is the window's start; the team and function filters as SQL after `WHERE ...`, their values pushed onto `params`. */
export function windowFilter(window: UsageWindow, params: unknown[]): string {
  let filter = "";
  if (window.team !== undefined) filter += ` AND team = $${params.push(window.team)}`;
  if (window.fn !== undefined) filter += ` AND fn = $${params.push(window.fn)}`;
  return filter;
}

/**
 * The events of the segments that start in [`$1` - 1 second, `end`), one row each with the
 * columns `envelope_events` had (team, user_name, fn, success, error_class, error_code,
 * error_message, at), so that the window's filters apply to it as they do to the daily counts;
 * team and user are the segment's, the rest its body's (`eventSegments.ts`, rules 2, 3 and 5).
 * A segment spans under a second, so none that starts earlier holds an event at or after `$1`:
 * the bound keeps the read to a range of the (first_at, id) index, or (team, first_at, id) when
 * the filter names a team (the planner pushes it into this subquery).
 */
function segmentEvents(end: string): string {
  return `(SELECT s.team, s.user_name, e.f AS fn, e.s AS success, e.c AS error_class, e.k AS error_code, e.m AS error_message, e.t AS at
    FROM envelope_event_segments s, ROWS FROM (json_to_recordset(s.body::json) AS (t timestamptz, f text, s boolean, c text, k text, m text)) AS e
    WHERE s.first_at > $1::timestamptz - interval '1 second' AND s.first_at < ${end}) events`;
}

/**
 * The window's usage as rows of (team, user_name, fn, success, error_class, error_code,
 * error_message, calls, last_at), for `FROM`: the days after `since`'s (UTC) from
 * `envelope_usage_days`, and the rest of `since`'s own day counted from the events of the
 * segments of that day (`segmentEvents`), so the answer is exact to the millisecond and reads
 * about a day of events. `filter` (from `windowFilter`, and `AND user_name = ...`) names the
 * columns of both.
 */
export function usageRows(filter: string): string {
  const columns = "team, user_name, fn, success, error_class, error_code, error_message";
  const sinceDay = "($1::timestamptz AT TIME ZONE 'UTC')::date";
  const dayEnd = `((${sinceDay} + 1)::timestamp AT TIME ZONE 'UTC')`;
  return `(SELECT ${columns}, calls, last_at FROM envelope_usage_days WHERE day > ${sinceDay}${filter}
    UNION ALL
    SELECT ${columns}, count(*)::int, max(at) FROM ${segmentEvents(dayEnd)} WHERE at >= $1 AND at < ${dayEnd}${filter} GROUP BY 1, 2, 3, 4, 5, 6, 7) usage`;
}
