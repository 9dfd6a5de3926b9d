import type { Example } from "./Example.ts";
import type { Problem } from "./Problem.ts";
import type { StandAloneProblem } from "./StandAloneProblem.ts";

/**
 * What parsing one example file found: its examples, its problems (duplicate keys aside: they
 * take every file) and its shown snippets' stand-alone problems. Plain data, but for the RegExp
 * of `@expectMatch` and `@expectError` expectations.
 */
export interface FileFindings {
  examples: Example[];
  problems: Problem[];
  standAlone: StandAloneProblem[];
}
