import type { UsageReport } from "./usageReport.ts";

/** Which events a usage summary covers: those at or after `since`, of one team and function when given. */
export interface UsageQuery {
  since: string;
  team?: string;
  fn?: string;
  /** how many top errors */
  top: number;
}

/**
 * The usage report without its window in days: what the registry computes in SQL
 * (`GET /v1/usage/summary`) and the CLI prints with the days it asked for.
 */
export type UsageSummary = Omit<UsageReport, "days">;
