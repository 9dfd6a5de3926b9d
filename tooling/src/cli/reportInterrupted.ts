import { checkReport } from "../report/checkReport.ts";
import { reportPretty } from "../report/reportPretty.ts";
import { reporters, type ReporterName } from "../report/reporters.ts";
import type { Project } from "../records/Project.ts";
import type { Run } from "../records/Run.ts";

export interface InterruptedReport {
  /** the report of the examples that finished (and those skipped), in the chosen format */
  text: string;
  /** `The run was interrupted by SIGTERM: 2 of 7 examples did not run` */
  line: string;
}

/**
 * What `exemplar check` reports when a signal interrupted its run: the verdicts of the examples
 * whose results came before the signal (`finished`, by key) and of the skipped ones, and a line
 * saying how many examples did not run. Those examples got crashed results when their workers
 * were killed: they are left out rather than reported as failures.
 */
export function reportInterrupted(project: Project, run: Run, finished: ReadonlySet<string>, signal: NodeJS.Signals, format: { reporter: ReporterName; root: string; verbose: boolean }): InterruptedReport {
  const kept = run.verdicts.filter((verdict) => verdict.status === "skipped" || finished.has(verdict.example.key));
  const report = checkReport(project, { ...run, examples: kept.map((verdict) => verdict.example), verdicts: kept });
  const text = format.reporter === "pretty" ? reportPretty(report, { root: format.root, verbose: format.verbose }) : reporters[format.reporter](report, format.root);
  const notRun = run.verdicts.length - kept.length;
  return { text, line: `The run was interrupted by ${signal}: ${notRun} of ${run.verdicts.length} examples did not run` };
}
