import type { CheckReport } from "../records/CheckReport.ts";
import type { Verdict } from "../records/Verdict.ts";
import { summarize } from "./summarize.ts";

/** JUnit XML: one test suite per example file, one test case per example. */
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
        const body = failures.map((failure) => [failure.message, failure.diff].filter(Boolean).join("\n")).join("\n");
        out.push(`      <failure message="${xml(failures[0]!.message)}" type="${failures[0]!.kind}">${xml(body)}</failure>`);
      }
      if (result.stdout) out.push(`      <system-out>${xml(result.stdout)}</system-out>`);
      if (result.stderr) out.push(`      <system-err>${xml(result.stderr)}</system-err>`);
      out.push(`    </testcase>`);
    }
    out.push(`  </testsuite>`);
  }
  out.push(`</testsuites>`);
  return out.join("\n") + "\n";
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function xml(text: string): string {
  // characters XML 1.0 cannot hold at all are dropped
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/gu, "")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
