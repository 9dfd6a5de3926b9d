import type { CheckReport } from "../records/CheckReport.ts";
import { formatPlace } from "../records/Example.ts";
import { formatProblem } from "../records/Problem.ts";
import { cleanStack } from "./cleanStack.ts";
import { formatSummary, summarize } from "./summarize.ts";

export interface PrettyOptions {
  root: string;
  /** also list passing examples */
  verbose?: boolean;
}

/** The human report: failures with diffs, stderr and stacks, then warnings, then the summary line. */
export function reportPretty(report: CheckReport, options: PrettyOptions): string {
  const out: string[] = [];
  if (report.problems.length > 0) {
    out.push(...report.problems.map(formatProblem), "");
    out.push(`Found ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"} in the example files; no example ran.`);
    return out.join("\n") + "\n";
  }
  for (const error of report.typeErrors) out.push(`${formatProblem(error)}`);
  if (report.typeErrors.length > 0) out.push("");
  for (const verdict of report.verdicts) {
    const { example, result } = verdict;
    if (verdict.status === "passed" && options.verbose) out.push(`✓ ${example.key}  ${formatPlace(example)}  ${result.durationMs} ms`);
    if (verdict.status === "skipped" && options.verbose) out.push(`- ${example.key}  ${formatPlace(example)}  skipped: ${example.skip}`);
    if (verdict.status !== "failed") continue;
    out.push(`✗ ${example.key}  ${formatPlace(example)}`);
    for (const failure of verdict.failures) {
      out.push(indent(failure.message));
      if (failure.diff) out.push(indent(failure.diff, 4));
    }
    if (result.error?.stack && verdict.failures.some((failure) => failure.kind === "threw" || failure.kind === "error")) {
      out.push(indent("stack:"), indent(cleanStack(result.error.stack, options.root), 4));
    }
    for (const rejection of [...result.unhandledRejections, ...result.uncaughtExceptions]) {
      if (rejection.stack) out.push(indent(cleanStack(rejection.stack, options.root), 4));
    }
    if (result.stderr.trim()) out.push(indent("stderr:"), indent(result.stderr.trimEnd(), 4));
    if (!verdict.failures.some((failure) => failure.diff) && result.stdout.trim()) {
      out.push(indent("stdout:"), indent(result.stdout.trimEnd(), 4));
    }
    out.push("");
  }
  for (const verdict of report.verdicts) {
    for (const warning of verdict.warnings) out.push(`⚠ ${formatPlace(verdict.example)}: ${warning}`);
  }
  if (report.docs) {
    for (const error of report.docs.errors) out.push(`✗ ${formatProblem(error)}`);
    for (const warning of report.docs.warnings) out.push(`⚠ ${formatProblem(warning)}`);
    if (options.verbose) {
      for (const [key, usages] of report.docs.usages) {
        out.push(`${key}  ${usages.map((usage) => `${usage.file}:${usage.line}${usage.heading ? ` (${usage.heading})` : ""}`).join(", ")}`);
      }
    }
    const { pages, blocks, errors } = report.docs;
    out.push(`Docs: ${pages} page${pages === 1 ? "" : "s"}, ${blocks} keyed block${blocks === 1 ? "" : "s"}${errors.length ? `, ${errors.length} with errors` : ""}`);
  }
  for (const entry of report.updated) out.push(`updated @expect of ${entry.key}  ${entry.file}:${entry.line}`);
  for (const entry of report.notUpdated) out.push(`${entry.key}  ${entry.file}:${entry.line}: ${entry.reason}`);
  if (report.typeErrors.length > 0) out.push(`Type errors: ${report.typeErrors.length}`);
  out.push(formatSummary(summarize(report)));
  return out.join("\n") + "\n";
}

function indent(text: string, spaces = 2): string {
  return text.split("\n").map((line) => (line ? " ".repeat(spaces) + line : line)).join("\n");
}
