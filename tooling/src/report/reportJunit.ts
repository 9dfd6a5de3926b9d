import type { CheckReport } from "../records/CheckReport.ts";
import type { Verdict } from "../records/Verdict.ts";
import { escapeXml as xml } from "./escapeXml.ts";
import { excerpt } from "./excerpt.ts";
import { neutralizeWorkflowCommands } from "./neutralizeWorkflowCommands.ts";
import { notShown } from "./notShown.ts";
import { reportLimits } from "./reportLimits.ts";
import { summarize } from "./summarize.ts";
import { truncationNotices, type TruncationNotice } from "./truncationNotices.ts";

const { excerpt: limits, items } = reportLimits;

/**
 * JUnit XML: one test suite per example file, one test case per example. Every character an
 * example printed is kept or, when XML 1.0 forbids it, escaped visibly (see escapeXml); its
 * stdout, stderr and failures are excerpts (`reportLimits`), with a line saying when the worker
 * kept only part of a stream; and no line of the XML can act as a GitHub Actions workflow
 * command (see neutralizeWorkflowCommands), while a parser reads back the same text.
 */
export function reportJunit(report: CheckReport): string {
  const summary = summarize(report);
  const byFile = new Map<string, Verdict[]>();
  for (const verdict of report.verdicts) byFile.set(verdict.example.file, [...(byFile.get(verdict.example.file) ?? []), verdict]);
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="exemplar" tests="${report.verdicts.length}" failures="${summary.failed}" skipped="${summary.skipped}" errors="${report.problems.length}" time="${seconds(report.durationMs)}">`,
  ];
  if (report.problems.length > 0) {
    out.push(`  <testsuite name="example files" tests="${report.problems.length}" failures="0" errors="${report.problems.length}">`);
    for (const problem of report.problems) {
      out.push(`    <testcase classname="${xml(problem.file)}" name="${xml(`${problem.file}:${problem.line}`)}">`);
      out.push(`      <error message="${xml(problem.message)}"/>`, `    </testcase>`);
    }
    out.push(`  </testsuite>`);
  }
  for (const [file, verdicts] of byFile) {
    const failed = verdicts.filter((verdict) => verdict.status === "failed").length;
    const skipped = verdicts.filter((verdict) => verdict.status === "skipped").length;
    const time = verdicts.reduce((total, verdict) => total + verdict.result.durationMs, 0);
    out.push(`  <testsuite name="${xml(file)}" tests="${verdicts.length}" failures="${failed}" skipped="${skipped}" time="${seconds(time)}">`);
    for (const { example, result, status, failures } of verdicts) {
      out.push(`    <testcase classname="${xml(file)}" name="${xml(example.key)}" file="${xml(file)}" line="${example.line}" time="${seconds(result.durationMs)}">`);
      if (status === "skipped") out.push(`      <skipped message="${xml(example.skip ?? "")}"/>`);
      if (status === "failed") {
        const parts = failures.slice(0, items).map((failure) => [
          excerpt(failure.message, limits.message), ...(failure.diff ? [excerpt(failure.diff, limits.output)] : []),
        ].join("\n"));
        if (failures.length > items) parts.push(notShown(failures.length - items, "failure"));
        out.push(`      <failure message="${xml(excerpt(failures[0]!.message, limits.message))}" type="${failures[0]!.kind}">${xml(parts.join("\n"))}</failure>`);
      }
      const notices = truncationNotices(result);
      const stdout = withNotices(result.stdout, notices.filter((notice) => notice.stream === "stdout"));
      const stderr = withNotices(result.stderr, notices.filter((notice) => notice.stream !== "stdout"));
      if (stdout) out.push(`      <system-out>${xml(stdout)}</system-out>`);
      if (stderr) out.push(`      <system-err>${xml(stderr)}</system-err>`);
      out.push(`    </testcase>`);
    }
    out.push(`  </testsuite>`);
  }
  out.push(`</testsuites>`);
  return neutralizeWorkflowCommands(out.join("\n") + "\n", "xml");
}

/** an excerpt of a stream, then a line for each notice about it, where a reader of the stream looks */
function withNotices(text: string, notices: TruncationNotice[]): string {
  let shown = excerpt(text, limits.output);
  for (const notice of notices) shown += `${shown && !shown.endsWith("\n") ? "\n" : ""}[exemplar] ${notice.message}\n`;
  return shown;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
