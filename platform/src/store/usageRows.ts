import type { UsageWindow } from "./DashboardStore.ts";

/** `$1` is the window's start; the team and function filters as SQL after `WHERE ...`, their values pushed onto `params`. */
export function windowFilter(window: UsageWindow, params: unknown[]): string {
  let filter = "";
  if (window.team !== undefined) filter += ` AND team = $${params.push(window.team)}`;
  if (window.fn !== undefined) filter += ` AND fn = $${params.push(window.fn)}`;
  return filter;
}

/**
 * The window's usage as rows of (team, user_name, fn, success, error_class, error_code,
 * error_message, calls, last_at), for `FROM`: the days after `since`'s (UTC) from
 * `envelope_usage_days`, and the rest of `since`'s own day counted from the events (a range of
 * the (at, id) index), so the answer is exact to the microsecond and reads about a day of events.
 */
export function usageRows(filter: string): string {
  const columns = "team, user_name, fn, success, error_class, error_code, error_message";
  const sinceDay = "($1::timestamptz AT TIME ZONE 'UTC')::date";
  return `(SELECT ${columns}, calls, last_at FROM envelope_usage_days WHERE day > ${sinceDay}${filter}
    UNION ALL
    SELECT ${columns}, count(*)::int, max(at) FROM envelope_events WHERE at >= $1 AND at < (${sinceDay} + 1)::timestamp AT TIME ZONE 'UTC'${filter} GROUP BY 1, 2, 3, 4, 5, 6, 7) usage`;
}
