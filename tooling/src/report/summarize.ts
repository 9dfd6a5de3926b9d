import type { CheckReport } from "../records/CheckReport.ts";

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  /** of the passed, those answered from the result cache (only when any were) */
  cached?: number;
}

/** Counts the verdicts of a report or a run. */
export function summarize(report: Pick<CheckReport, "verdicts">): Summary {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0 };
  let cached = 0;
  for (const verdict of report.verdicts) {
    summary[verdict.status]++;
    if (verdict.cached) cached++;
  }
  return cached > 0 ? { ...summary, cached } : summary;
}

/**
 * `Examples: 3 passed, 1 failed` (with `, 2 skipped` when any, and `(2 cached)` after the passed
 * when the result cache answered some): the last line of every report.
 */
export function formatSummary(summary: Summary): string {
  const cached = summary.cached ? ` (${summary.cached} cached)` : "";
  return `Examples: ${summary.passed} passed${cached}, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ""}`;
}
