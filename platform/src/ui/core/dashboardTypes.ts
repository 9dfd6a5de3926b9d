/** The answers of the dashboard's endpoints, as the dashboard contract of issue 17 gives them. */

export interface VersionRow {
  name: string;
  version: number;
  createdAt: string;
  tags: Record<string, string>;
}

/** `GET /v1/dashboard/metrics`: a version and the latest value of each asked metric. */
export interface MetricRow extends VersionRow {
  metrics: Record<string, number>;
}

/** `GET /v1/dashboard/series`: a version and its series as logged. */
export interface SeriesRow extends VersionRow {
  points: Array<{ x: number; y: number }>;
}

export interface MetricNames {
  scalar: string[];
  series: string[];
}

export interface WeekUsers {
  week: string;
  users: number;
}

export interface FunctionUsage {
  fn: string;
  calls: number;
  failures: number;
  failureRate: number;
  users: number;
}

export interface ErrorUsage {
  fn: string;
  errorClass: string;
  errorCode: string | null;
  message: string;
  count: number;
  users: number;
  lastAt: string;
  fix: string | null;
}

export interface UserUsage {
  user: string;
  team: string;
  firstAt: string;
  calls: number;
  failures: number;
}

export interface UserDetail {
  user: string;
  functions: Array<{ fn: string; calls: number; failures: number }>;
  recentFailures: Array<{ at: string; fn: string; errorCode: string | null; message: string }>;
}

export interface AlertRow {
  id: number;
  at: string;
  kind: string;
  text: string;
  status: number | null;
  source: string;
  user: string | null;
  team: string | null;
}

/** `GET /v1/models`: a version as the model list shows it. */
export interface ModelSummary extends VersionRow {
  owner: string;
  team: string;
  description: string;
}
