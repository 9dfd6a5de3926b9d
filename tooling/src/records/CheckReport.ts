import type { Example } from "./Example.ts";
import type { ExampleUsage } from "./ExampleUsage.ts";
import type { ExpectUpdate } from "./ExpectUpdate.ts";
import type { Problem } from "./Problem.ts";
import type { StandAloneProblem } from "./StandAloneProblem.ts";
import type { Verdict } from "./Verdict.ts";

/** What `exemplar check` finds in the docs folder, beside the examples' verdicts. */
export interface DocsFindings {
  pages: number;
  blocks: number;
  /** keyed blocks that cannot be filled: unknown keys, outputs of failed examples, malformed keys */
  errors: Problem[];
  /** untested snippets and orphan examples */
  warnings: Problem[];
  /** for each example key, the pages and headings where it appears */
  usages: Map<string, ExampleUsage[]>;
}

/** Everything a check found, as plain data for the reporters (`checkReport` assembles it). */
export interface CheckReport {
  /** problems in the example files (bad tags, duplicate keys, syntax): nothing ran when there are any */
  problems: Problem[];
  /**
   * names the selected examples' shown snippets use that nothing shown declares or imports and
   * no global provides: warnings (with `--strict` they are among the problems instead)
   */
  standAlone?: StandAloneProblem[];
  /** the docs folder (relative to the root) when it does not exist: no page was checked */
  noDocs?: string;
  /** type errors, with `--typecheck` */
  typeErrors: Problem[];
  /** the examples selected for the run */
  examples: Example[];
  verdicts: Verdict[];
  /** `@expect` blocks rewritten by `--update`, and those that could not be */
  updated: ExpectUpdate[];
  notUpdated: Array<Required<ExpectUpdate>>;
  durationMs: number;
  /** milliseconds spent in each phase (open, run, splice) */
  timings: Record<string, number>;
  /** the docs folder's keyed blocks checked against this run, when `exemplar check` looked */
  docs?: DocsFindings;
}
