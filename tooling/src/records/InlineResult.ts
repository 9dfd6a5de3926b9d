/**
 * A README-style result inside an example's body: an expression statement followed by a
 * `//=> VALUE` comment, on its own line or on the line right after it. The run records the
 * statement's value (or, after `console.log(x)`, the logged `x`) and compares it with VALUE.
 */
export interface InlineResult {
  /** 1-based line of the `//=>` comment: the check's id in a run, and where a failure points */
  line: number;
  /** 1-based line where the statement starts */
  statementLine: number;
  /** the statement's first line as written, trimmed (and cut at 200 characters), for messages */
  code: string;
  /** the text after `//=>`, trimmed */
  expected: string;
  /** `value`: the statement's value (awaited when it awaits); `logged`: the one argument of `console.log(x)` */
  kind: "value" | "logged";
  /** offsets in the file of the expression whose value is recorded */
  start: number;
  end: number;
}

/** The longest `//=> VALUE` read, in characters: a longer one is a problem, not a check. */
export const inlineValueLimit = 64 * 1024;
