/** A page of a list: `limit` rows after the cursor `after` (an earlier page's `next`, opaque). */
export interface PageQuery {
  limit: number;
  after?: string;
}

/** `next` is the cursor of the following page, null when this one is the last. */
export type Page<Key extends string, Row> = { [K in Key]: Row[] } & { next: string | null };

/** Versions whose tags include every one of `tags` (an empty object: every version). */
export interface VersionsQuery {
  tags: Record<string, string>;
}

/** A version in the dashboard's lists: who it is, when it was saved and its tags (base and user). */
export interface VersionHeader {
  name: string;
  version: number;
  createdAt: string;
  tags: Record<string, string>;
}

/** A version with the latest logged value of each asked scalar metric. */
export interface VersionMetrics extends VersionHeader {
  metrics: Record<string, number>;
}

/** A version with the points of the latest logged series of one metric, as logged. */
export interface VersionSeries extends VersionHeader {
  points: Array<{ x: number; y: number }>;
}

/** Which usage events an aggregate covers: at or after `since`, one team's and one function's when given. */
export interface UsageWindow {
  since: string;
  team?: string;
  fn?: string;
}

/** Users whose first recorded call is in the week starting on `week` (a Monday, UTC, `YYYY-MM-DD`). */
export interface NewUsersWeek {
  week: string;
  users: number;
}

export interface FunctionUse {
  fn: string;
  calls: number;
  failures: number;
  /** failures / calls, 0 to 1 */
  failureRate: number;
  /** distinct users who called it */
  users: number;
}

/** Failures of one function with the same error class, code and message. */
export interface ErrorGroup {
  fn: string;
  errorClass: string | null;
  errorCode: string | null;
  message: string;
  count: number;
  users: number;
  lastAt: string;
}

export interface UserUse {
  user: string;
  team: string | null;
  /** the user's first recorded call in that team, in any window */
  firstAt: string;
  calls: number;
  failures: number;
}

export interface UserDetail {
  user: string;
  functions: Array<{ fn: string; calls: number; failures: number }>;
  /** newest first, at most 20 */
  recentFailures: Array<{ at: string; fn: string; errorCode: string | null; message: string | null }>;
}

export type AlertSource = "client" | "serve" | "batch";

/** An alert a client or service says it posted, with the webhook's status code (null: no answer). */
export interface AlertRecord {
  at: string;
  kind: string;
  text: string;
  status: number | null;
  source: AlertSource;
}

/** An alert as the registry keeps it: numbered, with the user and team of the token that recorded it. */
export interface StoredAlert extends AlertRecord {
  id: number;
  user: string | null;
  team: string | null;
}

/**
 * The dashboard's reads (issue 17), each computed by the database: a page of rows, or a few
 * aggregated rows, never every version or event. Cursors that are not a page's `next` are a
 * 400 (`ENVELOPE_INVALID`).
 */
export interface DashboardStore {
  /** the scalar and series metric names logged on the matching versions, each list sorted */
  metricNames(query: VersionsQuery): Promise<{ scalar: string[]; series: string[] }>;
  /** matching versions that logged every one of `metrics` as a scalar, by createdAt, name, version */
  versionMetrics(query: VersionsQuery & PageQuery & { metrics: string[] }): Promise<Page<"versions", VersionMetrics>>;
  /** the `last` newest matching versions that logged `metric` as a series, newest first */
  versionSeries(query: VersionsQuery & { metric: string; last: number }): Promise<VersionSeries[]>;
  /** new users per week from the first week with one to the last, empty weeks included */
  newUsersByWeek(window: UsageWindow): Promise<NewUsersWeek[]>;
  /** calls, failures and users per function, most called first */
  usageByFunction(window: UsageWindow): Promise<FunctionUse[]>;
  /** failures grouped by function, error and message, most frequent first */
  usageErrors(window: UsageWindow & PageQuery): Promise<Page<"errors", ErrorGroup>>;
  /** calls and failures per user (and team), most calls first */
  usageUsers(window: UsageWindow & PageQuery): Promise<Page<"users", UserUse>>;
  /** one user's calls per function and latest failures in the window */
  userUsage(user: string, window: UsageWindow): Promise<UserDetail>;
  /** keeps alerts with the user and team of who sent them; how many */
  recordAlerts(alerts: AlertRecord[], by: { user: string; team: string }): Promise<number>;
  /** alerts newest first; one team's when `team` is given */
  readAlerts(query: PageQuery & { team?: string }): Promise<Page<"alerts", StoredAlert>>;
}
