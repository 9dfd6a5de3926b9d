import type { CheckReport } from "../records/CheckReport.ts";
import { formatSummary, summarize } from "./summarize.ts";

/**
 * GitHub Actions workflow commands: an `::error` annotation on the line of each failing example
 * (and of each problem), `::warning` for warnings, then the summary line.
 */
export function reportGithub(report: CheckReport): string {
  const out: string[] = [];
  const annotate = (level: "error" | "warning", place: { file: string; line: number; column?: number }, title: string, message: string) => {
    const column = place.column === undefined ? "" : `,col=${place.column}`;
    out.push(`::${level} file=${property(place.file)},line=${place.line}${column},title=${property(title)}::${data(message)}`);
  };
  for (const problem of report.problems) annotate("error", problem, "exemplar: invalid example", problem.message);
  for (const error of report.typeErrors) annotate("error", error, "exemplar: type error", error.message);
  for (const verdict of report.verdicts) {
    if (verdict.status === "failed") {
      const message = verdict.failures.map((failure) => [failure.message, failure.diff].filter(Boolean).join("\n")).join("\n");
      const stderr = verdict.result.stderr.trim() ? `\nstderr:\n${verdict.result.stderr.trimEnd()}` : "";
      annotate("error", verdict.example, `example ${verdict.example.key} failed`, message + stderr);
    }
    for (const warning of verdict.warnings) annotate("warning", verdict.example, `example ${verdict.example.key}`, warning);
  }
  for (const error of report.docs?.errors ?? []) annotate("error", error, "exemplar: docs block", error.message);
  for (const warning of report.docs?.warnings ?? []) annotate("warning", warning, "exemplar: docs", warning.message);
  out.push(formatSummary(summarize(report)));
  return out.join("\n") + "\n";
}

function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
