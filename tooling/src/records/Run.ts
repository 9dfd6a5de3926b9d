import type { Example } from "./Example.ts";
import type { Verdict } from "./Verdict.ts";

/** What `runExamples` hands on: a verdict for each example it selected. */
export interface Run {
  /** the examples selected, in project order */
  examples: Example[];
  /** one per selected example, in the same order */
  verdicts: Verdict[];
  /** false when the project has problems: then nothing ran, and `verdicts` is empty */
  ran: boolean;
  durationMs: number;
}
