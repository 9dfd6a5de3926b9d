import { formatLineDiff, matchLine } from "@exemplar/tooling";

/**
 * `{...}` in an expected line stands for any text on that line: ids, timestamps, durations.
 * @example engine.wildcard
 * @expect
 * saved model {...} in {...} ms
 * true
 * false
 */
export function wildcardLines() {
  console.log(`saved model ${crypto.randomUUID()} in ${Math.round(performance.now() % 100)} ms`);
  console.log(matchLine("saved model {...} in {...} ms", "saved model 7f3a in 12 ms"));
  console.log(matchLine("saved model {...} in {...} ms", "saved nothing"));
}

/**
 * A failing example shows a unified diff of what it was expected to print and what it printed.
 * @example engine.diff
 * @expect
 * --- expected
 * +++ actual
 * @@ -1,2 +1,2 @@
 *  saved churn v1
 * -found 2 models
 * +found 1 model
 */
export function diffOutput() {
  console.log(formatLineDiff(["saved churn v{...}", "found 2 models"], ["saved churn v1", "found 1 model"]));
}
