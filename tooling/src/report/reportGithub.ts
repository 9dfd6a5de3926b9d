import type { CheckReport } from "../records/CheckReport.ts";
import { excerpt } from "./excerpt.ts";
import { notShown } from "./notShown.ts";
import { reportLimits } from "./reportLimits.ts";
import { formatSummary, summarize } from "./summarize.ts";
import { truncationNotices } from "./truncationNotices.ts";

const { excerpt: { annotation: limits }, items, annotationChars } = reportLimits;

/**
 * GitHub Actions workflow commands: an `::error` annotation on the line of each failing example
 * (and of each problem), `::warning` for warnings, then the summary line. What examples printed
 * or threw only ever goes into an annotation's message, escaped (`%`, CR and LF as `%25`, `%0D`,
 * `%0A`), so it cannot start a line, let alone a command of its own; and in excerpts, so that
 * each message fits the 4,096 characters GitHub keeps of it.
 */
export function reportGithub(report: CheckReport): string {
  const out: string[] = [];
  const annotate = (level: "error" | "warning", place: { file: string; line: number; column?: number }, title: string, message: string) => {
    const column = place.column === undefined ? "" : `,col=${place.column}`;
    out.push(`::${level} file=${property(place.file)},line=${place.line}${column},title=${property(title)}::${data(fit(message))}`);
  };
  for (const problem of report.problems) annotate("error", problem, "exemplar: invalid example", problem.message);
  for (const error of report.typeErrors) annotate("error", error, "exemplar: type error", error.message);
  for (const warning of report.standAlone ?? []) {
    annotate("warning", warning, `exemplar: snippet of ${warning.key}`, warning.message);
    // and on each page block that shows it, where a writer reviews the page
    for (const block of warning.shownIn ?? []) annotate("warning", block, `exemplar: snippet of ${warning.key}`, `${warning.message} (${warning.file}:${warning.line})`);
  }
  for (const verdict of report.verdicts) {
    const { example, result, failures } = verdict;
    if (verdict.status === "failed") {
      const parts = failures.slice(0, items).map((failure) => [failure.message, ...(failure.diff ? [failure.diff] : [])].map((text) => excerpt(text, limits)).join("\n"));
      if (failures.length > items) parts.push(notShown(failures.length - items, "failure"));
      const stderr = result.stderr.trim() ? `\nstderr:\n${excerpt(result.stderr.trimEnd(), limits)}` : "";
      annotate("error", example, `example ${example.key} failed`, parts.join("\n") + stderr);
      // and at the line a failure is about (a `//=>` check), where a reviewer reads the value
      for (const failure of failures.slice(0, items)) {
        if (failure.line !== undefined) annotate("error", { file: example.file, line: failure.line }, `example ${example.key} failed`, excerpt(failure.message, limits));
      }
    }
    for (const notice of truncationNotices(result)) annotate("warning", example, `example ${example.key} output truncated`, notice.message);
    for (const warning of verdict.warnings.slice(0, items)) annotate("warning", example, `example ${example.key}`, excerpt(warning, limits));
    if (verdict.warnings.length > items) annotate("warning", example, `example ${example.key}`, notShown(verdict.warnings.length - items, "warning"));
  }
  for (const error of report.docs?.errors ?? []) annotate("error", error, "exemplar: docs block", error.message);
  for (const warning of report.docs?.warnings ?? []) annotate("warning", warning, "exemplar: docs", warning.message);
  out.push(formatSummary(summarize(report)));
  return out.join("\n") + "\n";
}

/** the message cut to what GitHub keeps, saying so, rather than cut by GitHub without a word */
function fit(message: string): string {
  if (message.length <= annotationChars) return message;
  const notice = `\n… ${message.length} characters in all; see the JSON report for more`;
  let end = annotationChars - notice.length;
  // not between the two halves of a surrogate pair
  if (/[\uD800-\uDBFF]/.test(message[end - 1]!)) end--;
  return message.slice(0, end) + notice;
}

function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
