import type { UsageEvent } from "../tracking/UsageEvent.ts";

export interface FunctionUsage {
  fn: string;
  calls: number;
  failures: number;
  /** failures / calls, 0 to 1 */
  failureRate: number;
}

export interface UsageReport {
  days: number;
  since: string;
  /** users whose first recorded call is within the window, with that call's time and team */
  newUsers: Array<{ user: string; team: string | null; firstSeen: string }>;
  /** calls within the window per function, most called first */
  functions: FunctionUsage[];
  /** the most frequent errors within the window: code (or class) and message */
  topErrors: Array<{ error: string; message: string; count: number; users: number }>;
}

/**
 * What the platform team reads to reach out before users ask: new users in the last `days`
 * days, calls and failure rate per function, and the top errors. Pure over events; pass all
 * the events you have (a user is new when their first event ever is in the window). The registry
 * computes the same in SQL (`GET /v1/usage/summary`, `Store.usageSummary`) without reading events.
 */
export function usageReport(events: readonly UsageEvent[], options: { days: number; now: Date; top?: number }): UsageReport {
  const since = new Date(options.now.getTime() - options.days * 86_400_000);
  const firstSeen = new Map<string, UsageEvent>();
  for (const event of events) {
    if (event.user === null) continue;
    const first = firstSeen.get(event.user);
    if (!first || event.at < first.at) firstSeen.set(event.user, event);
  }
  const recent = events.filter((event) => new Date(event.at) >= since);
  const functions = new Map<string, FunctionUsage>();
  const errors = new Map<string, { error: string; message: string; count: number; users: Set<string> }>();
  for (const event of recent) {
    let usage = functions.get(event.fn);
    if (!usage) functions.set(event.fn, (usage = { fn: event.fn, calls: 0, failures: 0, failureRate: 0 }));
    usage.calls++;
    if (event.success) continue;
    usage.failures++;
    const error = event.errorCode ?? event.errorClass ?? "unknown";
    const message = event.errorMessage ?? "";
    const key = `${error}\u0000${message}`;
    let entry = errors.get(key);
    if (!entry) errors.set(key, (entry = { error, message, count: 0, users: new Set() }));
    entry.count++;
    if (event.user) entry.users.add(event.user);
  }
  for (const usage of functions.values()) usage.failureRate = usage.failures / usage.calls;
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    days: options.days,
    since: since.toISOString(),
    newUsers: [...firstSeen.entries()]
      .filter(([, event]) => new Date(event.at) >= since)
      .map(([user, event]) => ({ user, team: event.team, firstSeen: event.at }))
      .sort((a, b) => byName(a.firstSeen, b.firstSeen) || byName(a.user, b.user)),
    functions: [...functions.values()].sort((a, b) => b.calls - a.calls || byName(a.fn, b.fn)),
    topErrors: [...errors.values()]
      .sort((a, b) => b.count - a.count || byName(a.error, b.error) || byName(a.message, b.message))
      .slice(0, options.top ?? 5)
      .map(({ users, ...entry }) => ({ ...entry, users: users.size })),
  };
}
