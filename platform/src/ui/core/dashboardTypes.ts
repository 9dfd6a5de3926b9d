/**
 * The answers of the endpoints the dashboard reads, named as its views use them: the registry's
 * own row types (type-only imports, gone from the bundle), plus what the handlers add to them.
 */
import type { ModelSummary as StoredSummary } from "../../envelope/Envelope.ts";
import type { DashboardStore, ErrorGroup, FunctionUse, NewUsersWeek, StoredAlert, UserDetail as StoredUserDetail, UserUse, VersionHeader, VersionMetrics, VersionSeries } from "../../store/DashboardStore.ts";

export type VersionRow = VersionHeader;
/** `GET /v1/dashboard/metrics`: a version and the latest value of each asked metric */
export type MetricRow = VersionMetrics;
/** `GET /v1/dashboard/series`: a version and its series as logged */
export type SeriesRow = VersionSeries;
export type MetricNames = Awaited<ReturnType<DashboardStore["metricNames"]>>;
export type WeekUsers = NewUsersWeek;
export type FunctionUsage = FunctionUse;
/** `GET /v1/usage/errors`: an error group with the suggested fix the usage report gives it */
export type ErrorUsage = ErrorGroup & { fix: string | null };
export type UserUsage = UserUse;
export type UserDetail = StoredUserDetail;
export type AlertRow = StoredAlert;
/** `GET /v1/models`: a version as the model list shows it */
export type ModelSummary = StoredSummary;
