/** Why a value did not match its `//=> VALUE`, as the worker tells it. */
export interface InlineMismatch {
  /**
   * `unequal`: VALUE read as JavaScript is not deeply equal; `text`: VALUE is not an expression
   * and the value's text (util.inspect, or a logged string as printed) does not match it;
   * `expected-threw`: reading VALUE threw; `compare-threw`: comparing threw (a hostile Proxy);
   * `too-long`: the value's text is too long to compare as text
   */
  reason: "unequal" | "text" | "expected-threw" | "compare-threw" | "too-long";
  /** the value as util.inspect shows it on one line, cut to a few kilobytes */
  actual: string;
  /** what was thrown, `Name: message`, for `expected-threw` and `compare-threw` */
  error?: string;
  /** the value is a promise: the statement did not `await` it */
  promise?: true;
}

/** What one `//=> VALUE` check (see `InlineResult`) found while its example ran. */
export interface InlineOutcome {
  /** the `//=>` comment's line in the example's file */
  line: number;
  /** how many times its statement ran while the example ran */
  runs: number;
  /** the first value that did not match, if one did not */
  mismatch?: InlineMismatch;
}
