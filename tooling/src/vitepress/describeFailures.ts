import { formatProblem } from "../records/Problem.ts";
import { reportPretty } from "../report/reportPretty.ts";
import type { ExemplarSite } from "./ExemplarSite.ts";

/** The report as the terminal shows it, for build errors and the dev overlay. */
export function describeFailures(site: ExemplarSite): string | undefined {
  const report = site.report();
  if (report.problems.length > 0) return report.problems.map(formatProblem).join("\n");
  if (report.verdicts.every((verdict) => verdict.status !== "failed")) return undefined;
  return reportPretty(report, { root: site.config().root });
}
