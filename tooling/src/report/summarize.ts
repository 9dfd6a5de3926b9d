import type { CheckReport } from "../records/CheckReport.ts";

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}

/** Counts the verdicts of a report or a run. */
export function summarize(report: Pick<CheckReport, "verdicts">): Summary {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0 };
  for (const verdict of report.verdicts) summary[verdict.status]++;
  return summary;
}

/** `Examples: 3 passed, 1 failed` (with `, 2 skipped` when any): the last line of every report. */
export function formatSummary(summary: Summary): string {
  return `Examples: ${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ""}`;
}
