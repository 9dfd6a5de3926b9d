import type { CheckReport } from "../checkProject.ts";

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}

/** Counts the verdicts of a report. */
export function summarize(report: CheckReport): Summary {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0 };
  for (const verdict of report.verdicts) summary[verdict.status]++;
  return summary;
}

/** `Examples: 3 passed, 1 failed` (with `, 2 skipped` when any): the last line of every report. */
export function formatSummary(summary: Summary): string {
  return `Examples: ${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ""}`;
}
