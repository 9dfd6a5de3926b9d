import type { CheckReport } from "../records/CheckReport.ts";
import { formatPlace } from "../records/Example.ts";
import { formatProblem } from "../records/Problem.ts";
import { cleanStack } from "./cleanStack.ts";
import { excerpt } from "./excerpt.ts";
import { neutralizeWorkflowCommands } from "./neutralizeWorkflowCommands.ts";
import { notShown } from "./notShown.ts";
import { reportLimits } from "./reportLimits.ts";
import { showControlCharacters } from "./showControlCharacters.ts";
import { formatSummary, summarize } from "./summarize.ts";
import { truncationNotices } from "./truncationNotices.ts";

const { excerpt: limits, items } = reportLimits;

export interface PrettyOptions {
  root: string;
  /** also list passing examples */
  verbose?: boolean;
}

/**
 * The human report: failures with diffs, stderr and stacks, then warnings, then the summary line.
 * What examples printed or threw is shown in excerpts (`reportLimits`), and no line of it can
 * act as a GitHub Actions workflow command when the report is printed in a CI log, nor as a
 * terminal control (see showControlCharacters).
 */
export function reportPretty(report: CheckReport, options: PrettyOptions): string {
  const out: string[] = [];
  // a report printed in a GitHub Actions log must not run commands an example printed, and one
  // printed in a terminal must not act on the escape sequences it printed. Both go over the whole
  // report, so that no place quoting an example is missed; the report has no colours of its own,
  // and any added later must be put in after this step.
  const finish = () => neutralizeWorkflowCommands(showControlCharacters(out.join("\n") + "\n"), "text");
  if (report.problems.length > 0) {
    out.push(...report.problems.map(formatProblem), "");
    out.push(`Found ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"} in the example files; no example ran.`);
    return finish();
  }
  for (const error of report.typeErrors) out.push(`${formatProblem(error)}`);
  if (report.typeErrors.length > 0) out.push("");
  for (const verdict of report.verdicts) {
    const { example, result } = verdict;
    if (verdict.status === "passed" && options.verbose) out.push(`✓ ${example.key}  ${formatPlace(example)}  ${result.durationMs} ms`);
    if (verdict.status === "skipped" && options.verbose) out.push(`- ${example.key}  ${formatPlace(example)}  skipped: ${example.skip}`);
    if (verdict.status !== "failed") continue;
    out.push(`✗ ${example.key}  ${formatPlace(example)}`);
    for (const failure of verdict.failures.slice(0, items)) {
      out.push(indent(excerpt(failure.message, limits.message)));
      if (failure.diff) out.push(indent(excerpt(failure.diff, limits.output), 4));
    }
    if (verdict.failures.length > items) out.push(indent(notShown(verdict.failures.length - items, "failure")));
    if (result.error?.stack && verdict.failures.some((failure) => failure.kind === "threw" || failure.kind === "error")) {
      out.push(indent("stack:"), indent(excerpt(cleanStack(result.error.stack, options.root), limits.stack), 4));
    }
    const stacks = [...result.unhandledRejections, ...result.uncaughtExceptions].flatMap((error) => (error.stack ? [error.stack] : []));
    for (const stack of stacks.slice(0, items)) out.push(indent(excerpt(cleanStack(stack, options.root), limits.stack), 4));
    if (stacks.length > items) out.push(indent(notShown(stacks.length - items, "stack"), 4));
    if (result.stderr.trim()) out.push(indent("stderr:"), indent(excerpt(result.stderr.trimEnd(), limits.output), 4));
    if (!verdict.failures.some((failure) => failure.diff) && result.stdout.trim()) {
      out.push(indent("stdout:"), indent(excerpt(result.stdout.trimEnd(), limits.output), 4));
    }
    out.push("");
  }
  for (const verdict of report.verdicts) {
    // the truncation notices first: an example with thousands of warnings still shows them
    const warnings = [...truncationNotices(verdict.result).map((notice) => notice.message), ...verdict.warnings];
    const place = formatPlace(verdict.example);
    for (const warning of warnings.slice(0, items)) out.push(`⚠ ${place}: ${excerpt(warning, limits.message)}`);
    if (warnings.length > items) out.push(`⚠ ${place}: ${notShown(warnings.length - items, "warning")}`);
  }
  for (const warning of report.standAlone ?? []) {
    const shown = warning.shownIn?.map((block) => `${block.file}:${block.line}`).join(", ");
    out.push(`⚠ ${formatProblem(warning)}${shown ? ` (shown at ${shown})` : ""}`);
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
  if (report.noDocs !== undefined) {
    out.push(`Docs: no folder at ${report.noDocs}/, so no page was checked; set \`docs\` in exemplar.config.ts (\`docs: "."\` for a README at the root) or pass --docs DIR`);
  }
  for (const entry of report.updated) out.push(`updated @expect of ${entry.key}  ${entry.file}:${entry.line}`);
  for (const entry of report.notUpdated) out.push(`${entry.key}  ${entry.file}:${entry.line}: ${entry.reason}`);
  if (report.typeErrors.length > 0) out.push(`Type errors: ${report.typeErrors.length}`);
  out.push(formatSummary(summarize(report)));
  return finish();
}

function indent(text: string, spaces = 2): string {
  return text.split("\n").map((line) => (line ? " ".repeat(spaces) + line : line)).join("\n");
}
