import type { DashboardStore, NewUsersWeek, PageQuery } from "./DashboardStore.ts";
import type { Database } from "./Database.ts";
import { cursorValues, encodePageCursor } from "./pageCursor.ts";
import { recentFailures } from "./recentFailures.ts";
import { usageRows, windowFilter } from "./usageRows.ts";

const iso = (value: Date | string | number) => new Date(value).toISOString();

/**
 * `LIMIT` and `OFFSET` for a page of an aggregate, which is counted again for each page: its
 * cursor is the position in its order (ties broken by every grouped column, so the order is
 * total and each row is on one page while no event arrives).
 */
function pageClause(list: string, page: PageQuery, params: unknown[]): { sql: string; offset: number } {
  const offset = page.after === undefined ? 0 : (cursorValues(page.after, list, ["number"])[0] as number);
  return { sql: `LIMIT $${params.push(page.limit + 1)} OFFSET $${params.push(offset)}`, offset };
}

function paged<Row>(rows: Row[], list: string, page: PageQuery, offset: number): { rows: Row[]; next: string | null } {
  return { rows: rows.slice(0, page.limit), next: rows.length > page.limit ? encodePageCursor(list, [offset + page.limit]) : null };
}

/** Every week from the first to the last of `weeks` (Mondays, `YYYY-MM-DD`, ascending), those missing with 0 users. */
export function fillWeeks(weeks: NewUsersWeek[]): NewUsersWeek[] {
  if (weeks.length === 0) return [];
  const users = new Map(weeks.map((week) => [week.week, week.users]));
  const filled: NewUsersWeek[] = [];
  for (let day = Date.parse(`${weeks[0]!.week}T00:00:00Z`), end = Date.parse(`${weeks.at(-1)!.week}T00:00:00Z`); day <= end; day += 7 * 86_400_000) {
    const week = new Date(day).toISOString().slice(0, 10);
    filled.push({ week, users: users.get(week) ?? 0 });
  }
  return filled;
}

/**
 * The usage views of the dashboard, each a grouped query over the usage of a window (the daily
 * counts and a day of events: `usageRows`) or over `envelope_first_calls` (a few rows per user),
 * so an answer moves a few rows whatever the history; a user's latest failures are read from
 * the segments that hold them (`recentFailures`). Text sorts in byte order (COLLATE "C"), as the
 * usage report does.
 */
export function usageBreakdownQueries(db: Database): Pick<DashboardStore, "newUsersByWeek" | "usageByFunction" | "usageErrors" | "usageUsers" | "userUsage"> {
  return {
    async newUsersByWeek(window) {
      const params: unknown[] = [window.since];
      const filter = windowFilter(window, params);
      const rows = await db.query<NewUsersWeek>(
        `SELECT to_char(date_trunc('week', first_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, count(*)::int AS users FROM (
           SELECT DISTINCT ON (user_name) user_name, first_at FROM envelope_first_calls WHERE true${filter} ORDER BY user_name, first_at, first_id
         ) firsts WHERE first_at >= $1 GROUP BY 1 ORDER BY 1`,
        params,
      );
      return fillWeeks(rows);
    },

    async usageByFunction(window) {
      const params: unknown[] = [window.since];
      const rows = await db.query<{ fn: string; calls: number; failures: number; users: number }>(
        // per function and user first, then per function: a hash of a few rows instead of a sort for count(DISTINCT)
        `SELECT fn, sum(calls)::int AS calls, sum(failures)::int AS failures, count(user_name)::int AS users FROM (
           SELECT fn, user_name, sum(calls) AS calls, coalesce(sum(calls) FILTER (WHERE NOT success), 0) AS failures FROM ${usageRows(windowFilter(window, params))} GROUP BY 1, 2
         ) per_user GROUP BY fn ORDER BY calls DESC, fn COLLATE "C"`,
        params,
      );
      return rows.map((row) => ({ fn: row.fn, calls: row.calls, failures: row.failures, failureRate: row.failures / row.calls, users: row.users }));
    },

    async usageErrors(query) {
      const params: unknown[] = [query.since];
      const filter = windowFilter(query, params);
      const page = pageClause("errors", query, params);
      const rows = await db.query<{ fn: string; error_class: string | null; error_code: string | null; message: string; count: number; users: number; last_at: Date | string }>(
        `SELECT * FROM (
           SELECT fn, error_class, error_code, message, sum(calls)::int AS count, count(user_name)::int AS users, max(last_at) AS last_at FROM (
             SELECT fn, error_class, error_code, coalesce(error_message, '') AS message, user_name, sum(calls) AS calls, max(last_at) AS last_at
             FROM ${usageRows(filter)} WHERE NOT success GROUP BY 1, 2, 3, 4, 5
           ) per_user GROUP BY 1, 2, 3, 4
         ) errors ORDER BY count DESC, fn COLLATE "C", error_code COLLATE "C" NULLS FIRST, error_class COLLATE "C" NULLS FIRST, message COLLATE "C" ${page.sql}`,
        params,
      );
      const { rows: errors, next } = paged(rows, "errors", query, page.offset);
      return { errors: errors.map((row) => ({ fn: row.fn, errorClass: row.error_class, errorCode: row.error_code, message: row.message, count: row.count, users: row.users, lastAt: iso(row.last_at) })), next };
    },

    async usageUsers(query) {
      const params: unknown[] = [query.since];
      const filter = windowFilter(query, params);
      const page = pageClause("users", query, params);
      const order = `calls DESC, user_name COLLATE "C", team COLLATE "C" NULLS FIRST`;
      // the first call is looked up for the page's users only
      const rows = await db.query<{ user_name: string; team: string | null; calls: number; failures: number; first_at: Date | string }>(
        `SELECT u.*, (SELECT min(first_at) FROM envelope_first_calls f WHERE f.user_name = u.user_name AND f.team = coalesce(u.team, '')) AS first_at FROM (
           SELECT user_name, team, sum(calls)::int AS calls, coalesce(sum(calls) FILTER (WHERE NOT success), 0)::int AS failures
           FROM ${usageRows(filter)} WHERE user_name IS NOT NULL GROUP BY 1, 2 ORDER BY ${order} ${page.sql}
         ) u ORDER BY ${order}`,
        params,
      );
      const { rows: users, next } = paged(rows, "users", query, page.offset);
      return { users: users.map((row) => ({ user: row.user_name, team: row.team, firstAt: iso(row.first_at), calls: row.calls, failures: row.failures })), next };
    },

    async userUsage(user, window) {
      const params: unknown[] = [window.since, user];
      const filter = windowFilter(window, params);
      const [functions, failures] = await Promise.all([
        db.query<{ fn: string; calls: number; failures: number }>(
          `SELECT fn, sum(calls)::int AS calls, coalesce(sum(calls) FILTER (WHERE NOT success), 0)::int AS failures
           FROM ${usageRows(`${filter} AND user_name = $2`)} GROUP BY fn ORDER BY calls DESC, fn COLLATE "C"`,
          params,
        ),
        recentFailures(db, user, window),
      ]);
      return { user, functions, recentFailures: failures.map((failure) => ({ at: iso(failure.at), fn: failure.fn, errorCode: failure.errorCode, message: failure.message })) };
    },
  };
}
