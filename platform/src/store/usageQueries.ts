import type { UsageQuery, UsageSummary } from "../usage/UsageSummary.ts";
import type { Database } from "./Database.ts";
import { usageRows } from "./usageRows.ts";

/**
 * The usage report computed by the database: three grouped queries, new users over each user's
 * first calls and the rest over the daily counts of the window (`usageRows`), so that a report
 * over a year of events moves a few rows, not the events, and reads about a day of them. Ties sort
 * as `usageReport` sorts them (byte order: COLLATE "C"), and the contract tests hold the two to
 * the same answers.
 */
export function usageQueries(db: Database) {
  return {
    async usageSummary(query: UsageQuery): Promise<UsageSummary> {
      // $1 is the window's start; the filters other than time apply to every section, the new users' first call included
      const params: unknown[] = [query.since];
      let filter = "";
      if (query.team !== undefined) filter += ` AND team = $${params.push(query.team)}`;
      if (query.fn !== undefined) filter += ` AND fn = $${params.push(query.fn)}`;
      const top = `$${params.push(query.top)}`;
      const [newUsers, functions, topErrors] = await Promise.all([
        // first calls are kept per user, team and function (see schema.ts): a few rows per user
        db.query<{ user_name: string; team: string; at: Date | string }>(
          `SELECT user_name, team, first_at AS at FROM (
             SELECT DISTINCT ON (user_name) user_name, team, first_at FROM envelope_first_calls WHERE true${filter} ORDER BY user_name, first_at, first_id
           ) firsts WHERE first_at >= $1 ORDER BY first_at, user_name COLLATE "C"`,
          params.slice(0, -1),
        ),
        // calls and errors from the daily counts (see usageRows): about a day of events, not the window's
        db.query<{ fn: string; calls: number; failures: number }>(
          `SELECT fn, sum(calls)::int AS calls, coalesce(sum(calls) FILTER (WHERE NOT success), 0)::int AS failures
           FROM ${usageRows(filter)} GROUP BY fn ORDER BY calls DESC, fn COLLATE "C"`,
          params.slice(0, -1),
        ),
        db.query<{ error: string; message: string; count: number; users: number }>(
          `SELECT * FROM (
             SELECT error, message, sum(calls)::int AS count, count(user_name)::int AS users FROM (
               SELECT coalesce(error_code, error_class, 'unknown') AS error, coalesce(error_message, '') AS message, user_name, sum(calls) AS calls
               FROM ${usageRows(filter)} WHERE NOT success GROUP BY 1, 2, 3
             ) per_user GROUP BY 1, 2
           ) errors ORDER BY count DESC, error COLLATE "C", message COLLATE "C" LIMIT ${top}`,
          params,
        ),
      ]);
      return {
        since: new Date(query.since).toISOString(),
        newUsers: newUsers.map((row) => ({ user: row.user_name, team: row.team === "" ? null : row.team, firstSeen: new Date(row.at).toISOString() })),
        functions: functions.map((row) => ({ fn: row.fn, calls: row.calls, failures: row.failures, failureRate: row.failures / row.calls })),
        topErrors,
      };
    },
  };
}
