import type { CheckReport } from "../records/CheckReport.ts";
import type { RunError } from "../records/RunResult.ts";
import { excerpt } from "./excerpt.ts";
import { neutralizeWorkflowCommands } from "./neutralizeWorkflowCommands.ts";
import { reportLimits } from "./reportLimits.ts";
import { summarize } from "./summarize.ts";

const { excerpt: { json: limits }, jsonItems } = reportLimits;

/**
 * The whole report as JSON, for machines: summary, problems, snippets that do not stand alone
 * (`standAlone`) and one entry per example. An example's stdout and stderr are there as the
 * worker kept them (1 MB of each at most), with `stdoutTruncatedBytes`, `stderrTruncatedBytes`
 * and `lateOutputTruncatedBytes` when it kept less than was written; its diffs, messages and
 * stack are excerpts (`reportLimits`), and only its first failures and warnings are listed
 * (`failuresNotShown`, `warningsNotShown` count the rest). `##[` is written `##\u005b`, so that
 * the report printed in a CI log runs no workflow command (see neutralizeWorkflowCommands); the
 * parsed value is the same.
 */
export function reportJson(report: CheckReport): string {
  return neutralizeWorkflowCommands(JSON.stringify(
    {
      summary: { ...summarize(report), durationMs: report.durationMs },
      timings: report.timings,
      problems: report.problems,
      standAlone: report.standAlone ?? [],
      typeErrors: report.typeErrors,
      examples: report.verdicts.map(({ example, result, status, failures, warnings, cached }) => ({
        key: example.key,
        file: example.file,
        line: example.line,
        status,
        ...(cached ? { cached } : {}),
        durationMs: result.durationMs,
        failures: failures.slice(0, jsonItems).map(({ kind, message, diff, line }) => ({
          kind, message: excerpt(message, limits), ...(diff === undefined ? {} : { diff: excerpt(diff, limits) }), ...(line === undefined ? {} : { line }),
        })),
        ...(failures.length > jsonItems ? { failuresNotShown: failures.length - jsonItems } : {}),
        warnings: warnings.slice(0, jsonItems).map((warning) => excerpt(warning, limits)),
        ...(warnings.length > jsonItems ? { warningsNotShown: warnings.length - jsonItems } : {}),
        stdout: result.stdout,
        stderr: result.stderr,
        ...(result.stdoutTruncatedBytes ? { stdoutTruncatedBytes: result.stdoutTruncatedBytes } : {}),
        ...(result.stderrTruncatedBytes ? { stderrTruncatedBytes: result.stderrTruncatedBytes } : {}),
        ...(result.lateOutputTruncatedBytes ? { lateOutputTruncatedBytes: result.lateOutputTruncatedBytes } : {}),
        ...(result.error ? { error: errorExcerpt(result.error) } : {}),
      })),
      ...(report.docs
        ? { docs: { ...report.docs, usages: Object.fromEntries(report.docs.usages) } }
        : {}),
      ...(report.noDocs !== undefined ? { noDocs: report.noDocs } : {}),
      updated: report.updated,
      notUpdated: report.notUpdated,
    },
    null,
    2,
  ) + "\n", "json");
}

function errorExcerpt(error: RunError): RunError {
  return { ...error, message: excerpt(error.message, limits), ...(error.stack === undefined ? {} : { stack: excerpt(error.stack, limits) }) };
}
