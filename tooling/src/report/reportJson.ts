import type { CheckReport } from "../records/CheckReport.ts";
import { summarize } from "./summarize.ts";

/** The whole report as JSON, for machines: summary, problems and one entry per example. */
export function reportJson(report: CheckReport): string {
  return JSON.stringify(
    {
      summary: { ...summarize(report), durationMs: report.durationMs },
      timings: report.timings,
      problems: report.problems,
      typeErrors: report.typeErrors,
      examples: report.verdicts.map(({ example, result, status, failures, warnings }) => ({
        key: example.key,
        file: example.file,
        line: example.line,
        status,
        durationMs: result.durationMs,
        failures: failures.map(({ kind, message, diff }) => ({ kind, message, ...(diff === undefined ? {} : { diff }) })),
        warnings,
        stdout: result.stdout,
        stderr: result.stderr,
        ...(result.error ? { error: result.error } : {}),
      })),
      ...(report.docs
        ? { docs: { ...report.docs, usages: Object.fromEntries(report.docs.usages) } }
        : {}),
      updated: report.updated,
      notUpdated: report.notUpdated,
    },
    null,
    2,
  ) + "\n";
}
