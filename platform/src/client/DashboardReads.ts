import type { AlertRecord, ErrorGroup, FunctionUse, NewUsersWeek, Page, StoredAlert, UserDetail, UserUse, VersionMetrics, VersionSeries } from "../store/DashboardStore.ts";
import type { Tracker } from "../tracking/createTracker.ts";
import type { Transport } from "./createTransport.ts";

/** A tag query: `stage=prod,team=churn` as `envelope find` takes it, or its tags; empty: every version. */
export type TagQuery = string | Record<string, string>;

/** A page to read: at most `limit` rows (1 to 1,000; default 100) after `cursor`, an earlier page's `next`. */
export interface PageOptions {
  limit?: number;
  cursor?: string;
}

/** Which calls a usage view counts: since a time (default 28 days ago), one team's (admins), one function's (errors). */
export interface UsageOptions {
  since?: Date;
  team?: string;
  fn?: string;
}

function tagQuery(query: TagQuery): string {
  return typeof query === "string" ? query : Object.entries(query).map(([key, value]) => `${key}=${value}`).join(",");
}

function params(entries: Array<[string, string | number | Date | undefined]>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of entries) if (value !== undefined && value !== "") query.append(key, value instanceof Date ? value.toISOString() : String(value));
  return query;
}

// only the errors view filters by function; the others' routes refuse an `fn` parameter
const usage = (options: UsageOptions, withFn = false): Array<[string, string | Date | undefined]> => [["since", options.since], ["team", options.team], ...(withFn ? [["fn", options.fn] as [string, string | undefined]] : [])];
const paging = (options: PageOptions): Array<[string, string | number | undefined]> => [["limit", options.limit], ["cursor", options.cursor]];

/**
 * The dashboard's reads for scripts and notebooks (`registry.dashboard`): the same HTTP routes
 * as the web UI, each call tracked like every client call. Lists come a page at a time: pass a
 * page's `next` as `cursor` for the following one.
 */
export function dashboardReads(request: Transport, tracker: Tracker) {
  const read = <T>(fn: string, args: unknown[], path: string, query: URLSearchParams) => tracker.run(fn, args, null, () => request<T>("GET", path, { query }));
  return {
    /** the scalar and series metric names logged on the matching versions */
    metricNames: (query: TagQuery = "") => read<{ scalar: string[]; series: string[] }>("dashboardMetricNames", [query], "/v1/dashboard/metric-names", params([["query", tagQuery(query)]])),
    /** the latest value of each metric for every matching version that logged them all, oldest first */
    metrics: (query: TagQuery, metrics: string[], page: PageOptions = {}) =>
      read<Page<"versions", VersionMetrics>>("dashboardMetrics", [query, metrics, page], "/v1/dashboard/metrics", params([["query", tagQuery(query)], ...metrics.map((metric): [string, string] => ["metric", metric]), ...paging(page)])),
    /** a series metric of the `last` newest matching versions that logged it (default 5), newest first */
    series: async (query: TagQuery, metric: string, last?: number) =>
      (await read<{ versions: VersionSeries[] }>("dashboardSeries", [query, metric, last ?? null], "/v1/dashboard/series", params([["query", tagQuery(query)], ["metric", metric], ["last", last]]))).versions,
    /** new users per week, empty weeks between included */
    newUsers: async (options: UsageOptions = {}) => (await read<{ weeks: NewUsersWeek[] }>("usageNewUsers", [options], "/v1/usage/new-users", params(usage(options)))).weeks,
    /** calls, failures and users per client function, most called first */
    functions: async (options: UsageOptions = {}) => (await read<{ functions: FunctionUse[] }>("usageFunctions", [options], "/v1/usage/functions", params(usage(options)))).functions,
    /** failures grouped by function and error, most frequent first, with the suggested fix */
    errors: (options: UsageOptions & PageOptions = {}) => read<Page<"errors", ErrorGroup & { fix: string | null }>>("usageErrors", [options], "/v1/usage/errors", params([...usage(options, true), ...paging(options)])),
    /** calls and failures per user, most calls first */
    users: (options: UsageOptions & PageOptions = {}) => read<Page<"users", UserUse>>("usageUsers", [options], "/v1/usage/users", params([...usage(options), ...paging(options)])),
    /** one user's calls per function and 20 latest failures */
    user: (user: string, options: UsageOptions = {}) => read<UserDetail>("usageUser", [user, options], `/v1/usage/users/${encodeURIComponent(user)}`, params(usage(options))),
    /** the alerts recorded in the registry, newest first */
    alerts: (page: PageOptions = {}) => read<Page<"alerts", StoredAlert>>("alerts", [page], "/v1/alerts", params(paging(page))),
    /** keeps alerts a service or job posted to its webhook (the client's own are kept for it); the registry adds who sent them */
    recordAlerts: (alerts: readonly AlertRecord[]) => tracker.run("recordAlerts", [{ alerts: alerts.length }], null, () => request<{ recorded: number }>("POST", "/v1/alerts", { json: { alerts } })),
  };
}

export type DashboardReads = ReturnType<typeof dashboardReads>;
