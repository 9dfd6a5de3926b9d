import type { InlineResult } from "./InlineResult.ts";

/**
 * The records every stage passes along. They are plain data: finding produces `Example`s,
 * running produces `RunResult`s, checking produces `Verdict`s.
 */

/** A place in a user's file; `line` and `column` are 1-based. */
export interface Place {
  file: string;
  line: number;
  column?: number;
}

/** Lines that stdout must equal, in order (`@expect`) or in any order (`@expectUnordered`). */
export interface LinesExpectation {
  kind: "exact" | "unordered";
  lines: string[];
  /** line of the tag itself */
  line: number;
  /** 1-based inclusive range of the lines holding the expected text (empty when `endLine < startLine`) */
  startLine: number;
  endLine: number;
}

export interface ContainsExpectation {
  kind: "contains";
  text: string;
  line: number;
}

export interface MatchExpectation {
  kind: "match";
  /** the regex as written, `/.../flags` */
  source: string;
  pattern: RegExp;
  line: number;
}

export interface ErrorExpectation {
  kind: "error";
  /** the text as written: plain text to find in the message, or `/regex/flags` */
  source: string;
  pattern?: RegExp;
  line: number;
}

export type Expectation = LinesExpectation | ContainsExpectation | MatchExpectation | ErrorExpectation;

/** An exported function tagged `@example KEY`. */
export interface Example {
  key: string;
  /** the exported name */
  name: string;
  /** path relative to the project root, with `/` separators */
  file: string;
  /** line of the function's declaration (its `export` keyword) */
  line: number;
  endLine: number;
  /** offsets into the file of the whole declaration, its JSDoc excluded */
  start: number;
  end: number;
  /** offsets of the function body's statements, braces excluded; for an expression body, the expression */
  bodyStart: number;
  bodyEnd: number;
  async: boolean;
  /** the JSDoc text before the first tag */
  description: string;
  expectations: Expectation[];
  /** the `//=> VALUE` checks in its body, in source order; absent when it has none */
  inlineResults?: InlineResult[];
  timeout?: number;
  /** present when `@skip` marks the example as not run */
  skip?: string;
  /** `@noCache`: always run, never answered from the result cache (see `exampleInputs`) */
  noCache?: true;
}

/** `examples/foo.ts:12`: the id of an example in every message. */
export function formatPlace(place: Place): string {
  return `${place.file}:${place.line}${place.column === undefined ? "" : `:${place.column}`}`;
}
