import type { CheckReport, DocsFindings } from "../records/CheckReport.ts";
import type { Problem } from "../records/Problem.ts";
import type { Project } from "../records/Project.ts";
import type { Run } from "../records/Run.ts";
import type { ExpectUpdates } from "../records/ExpectUpdate.ts";
import type { StandAloneProblem } from "../records/StandAloneProblem.ts";

/** What a check found beside the run: each is optional, as each has its own flag. */
export interface CheckFindings {
  typeErrors?: Problem[];
  docs?: DocsFindings;
  updates?: ExpectUpdates;
  timings?: Record<string, number>;
  durationMs?: number;
  /** the docs folder (relative to the root) when it does not exist, so no page was checked */
  noDocs?: string;
}

/**
 * The report stage's record: a project, its run and what else the check found, as the
 * reporters (`reporters`) print it. Pure.
 */
export function checkReport(project: Project, run: Run, findings: CheckFindings = {}): CheckReport {
  const keys = new Set(run.examples.map((example) => example.key));
  const report: CheckReport = {
    problems: project.problems,
    // a filtered run warns about the snippets it ran, as it reports their verdicts
    standAlone: project.standAlone.filter((problem) => keys.has(problem.key)).map((problem) => withShownIn(problem, findings.docs)),
    typeErrors: findings.typeErrors ?? [],
    examples: run.examples,
    verdicts: run.verdicts,
    updated: findings.updates?.updated ?? [],
    notUpdated: findings.updates?.notUpdated ?? [],
    durationMs: findings.durationMs ?? run.durationMs,
    timings: findings.timings ?? { run: run.durationMs },
  };
  if (findings.docs) report.docs = findings.docs;
  if (findings.noDocs !== undefined) report.noDocs = findings.noDocs;
  return report;
}

/** The problem with the page blocks that show its snippet, which is where a reader copies it from. */
function withShownIn(problem: StandAloneProblem, docs: DocsFindings | undefined): StandAloneProblem {
  const blocks = (docs?.usages.get(problem.key) ?? []).filter((usage) => usage.kind === "code");
  return blocks.length === 0 ? problem : { ...problem, shownIn: blocks.map(({ file, line }) => ({ file, line })) };
}
