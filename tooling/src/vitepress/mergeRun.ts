import type { CheckReport } from "../checkProject.ts";
import type { Verdict } from "../check/Verdict.ts";
import type { Example } from "../example.ts";
import type { FoundExamples } from "../find/findExamples.ts";
import type { SpliceContext } from "../splice/resolveBlock.ts";

/** What the docs site's pages are filled from. */
export interface SiteState {
  /** the latest run's report, with the examples and verdicts below */
  report: CheckReport;
  /** the examples and texts of the latest run without problems, and each example's latest verdict */
  context: SpliceContext & { examples: Example[]; verdicts: Map<string, Verdict> };
}

/**
 * Takes a run into the site's state. A run that found problems (a file that does not parse, a
 * duplicate key) ran nothing: the state keeps the examples and verdicts it had, and its report
 * the run's problems, until a later run finds none. Otherwise the run's verdicts replace those of
 * the examples of the `covered` files (all of them without `covered`), the other examples keep
 * theirs, and examples gone from the files lose theirs.
 */
export function mergeRun(state: SiteState, next: CheckReport, found: FoundExamples, covered?: ReadonlySet<string>): SiteState {
  const { context } = state;
  if (next.problems.length > 0) {
    return { report: { ...next, examples: context.examples, verdicts: [...context.verdicts.values()] }, context };
  }
  const ran = new Map(next.verdicts.map((verdict) => [verdict.example.key, verdict]));
  const verdicts = new Map<string, Verdict>();
  for (const example of found.examples) {
    const verdict = ran.get(example.key) ?? (covered && !covered.has(example.file) ? context.verdicts.get(example.key) : undefined);
    if (verdict) verdicts.set(example.key, verdict);
  }
  return {
    report: { ...next, examples: found.examples, verdicts: [...verdicts.values()] },
    context: { examples: found.examples, sources: new Map(next.sources.map((source) => [source.file, source.text])), verdicts },
  };
}
