import type { CheckReport } from "../records/CheckReport.ts";
import type { Project } from "../records/Project.ts";
import type { Run } from "../records/Run.ts";
import type { Verdict } from "../records/Verdict.ts";
import { checkReport } from "../report/checkReport.ts";
import { spliceContext } from "../splice/splice.ts";
import type { SpliceContext } from "../splice/SpliceContext.ts";

/** What the docs site's pages are filled from. */
export interface SiteState {
  /** the project as its files are now, problems included */
  project: Project;
  /** each example's latest verdict, by key */
  verdicts: ReadonlyMap<string, Verdict>;
  /** the latest run as the reporters see it: the project's problems, or every example's latest verdict */
  report: CheckReport;
  /** the examples, texts and verdicts of the latest project without problems: blocks are filled from it */
  context: SpliceContext;
}

/**
 * Takes a run into the site's state. A project with problems (a file that does not parse, a
 * duplicate key) ran nothing: the state keeps the examples and verdicts it had, and its report
 * the problems, until a later project has none. Otherwise the run's verdicts replace those of
 * the `covered` examples (by key; all of them without `covered`), the other examples keep
 * theirs, taken to their place in the new project, and examples gone from the files lose
 * theirs. Pure.
 */
export function mergeRun(state: SiteState | undefined, project: Project, run: Run, covered?: ReadonlySet<string>): SiteState {
  const before = state?.verdicts ?? new Map<string, Verdict>();
  if (project.problems.length > 0) {
    const context = state?.context ?? spliceContext({ ...project, examples: [], sources: [] });
    const kept = { examples: [...context.examples], verdicts: [...before.values()], ran: false, durationMs: run.durationMs };
    return { project, verdicts: before, report: checkReport(project, kept), context };
  }
  const ran = new Map(run.verdicts.map((verdict) => [verdict.example.key, verdict]));
  const verdicts = new Map<string, Verdict>();
  for (const example of project.examples) {
    const verdict = ran.get(example.key) ?? (covered && !covered.has(example.key) ? before.get(example.key) : undefined);
    // a verdict kept knows where its example is now: a save above it moves it
    if (verdict) verdicts.set(example.key, verdict.example === example ? verdict : { ...verdict, example });
  }
  const all = { examples: project.examples, verdicts: [...verdicts.values()], ran: true, durationMs: run.durationMs };
  return { project, verdicts, report: checkReport(project, all), context: spliceContext(project, verdicts.values()) };
}
