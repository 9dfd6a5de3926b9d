import type * as TS from "typescript";
import type { ResolvedConfig } from "../config/loadConfig.ts";
import type { Example } from "./Example.ts";
import type { FoundBlocks } from "./KeyedBlock.ts";
import type { Problem } from "./Problem.ts";
import type { SourceText } from "./SourceText.ts";
import type { StandAloneProblem } from "./StandAloneProblem.ts";

/** A Markdown page of the docs folder, read and parsed for its keyed blocks. */
export interface Page extends SourceText {
  /** the page's absolute path */
  path: string;
  /** its keyed blocks, untested snippets and malformed keys */
  found: FoundBlocks;
}

/**
 * A project read and parsed once (`openProject`): every later stage (run, splice, report) takes
 * these records and never reads or parses an example file or a page again.
 */
export interface Project {
  config: ResolvedConfig;
  /** the example files matched by the config's globs, in path order */
  sources: SourceText[];
  /** every `@example` function of those files, in file order */
  examples: Example[];
  /** problems in the example files (bad tags, duplicate keys, syntax): nothing runs while there are any */
  problems: Problem[];
  /**
   * names the examples' shown snippets use that nothing shown declares or imports and no global
   * provides (`standAloneProblems`): they stop nothing; `exemplar check --strict` makes them problems
   */
  standAlone: StandAloneProblem[];
  /** each example file's syntax tree, by file: code blocks are rendered from them */
  parsed: ReadonlyMap<string, TS.SourceFile>;
  /** the docs folder's pages, in path order; undefined when the folder does not exist or was not asked for */
  pages?: Page[];
}
