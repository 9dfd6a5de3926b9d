import type * as TS from "typescript";
import type { Example } from "../records/Example.ts";
import type { Verdict } from "../records/Verdict.ts";

/**
 * What blocks are filled from: the examples, their files' texts, and this run's verdicts.
 * `resolveBlock` works out the examples by key and each example's code once per context (see
 * `fast/spliceCache.ts`), checking each entry against the example and text it was made from.
 */
export interface SpliceContext {
  examples: readonly Example[];
  /** example file (relative to the root) to its text */
  sources: ReadonlyMap<string, string>;
  /** the files' syntax trees, when `findExamples` made them (`FoundExamples.sourceFiles`): used when their text matches */
  parsed?: ReadonlyMap<string, TS.SourceFile>;
  /** by example key; needed only for `example-output` blocks */
  verdicts?: ReadonlyMap<string, Verdict>;
}
