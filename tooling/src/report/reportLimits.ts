import type { ExcerptLimits } from "./excerpt.ts";

/**
 * How much the reports show of what each example printed or threw, so that a report grows with
 * the number of examples and not with their output. A text within these limits is shown whole,
 * as it was before there were limits.
 */
export const reportLimits = {
  /** how much of each text `excerpt` keeps */
  excerpt: {
    /** stdout, stderr and diffs in the pretty and JUnit reports: a screenful from each end */
    output: { head: 60, tail: 20, lineBytes: 1000 },
    /** a stack in the pretty report: where it was thrown matters, the bottom frames less */
    stack: { head: 30, tail: 5, lineBytes: 1000 },
    /** an error message or a warning, which an example can make as long as its output */
    message: { head: 10, tail: 5, lineBytes: 1000 },
    /** each part of a GitHub annotation, which GitHub cuts at 4,096 characters anyway */
    annotation: { head: 40, tail: 10, lineBytes: 300 },
    /** diffs, messages and stacks in the JSON report, for machines: generous, still bounded */
    json: { head: 400, tail: 100, lineBytes: 2000 },
  } satisfies Record<string, ExcerptLimits>,
  /** failures, warnings and stray errors listed per example (an example can cause thousands) */
  items: 10,
  /** the same in the JSON report */
  jsonItems: 100,
  /** characters of an annotation's message: the GitHub runner cuts the rest (actions/runner `_maxIssueMessageLength`) */
  annotationChars: 4096,
};
