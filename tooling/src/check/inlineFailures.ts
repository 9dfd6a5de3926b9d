import type { Example } from "../records/Example.ts";
import type { InlineOutcome } from "../records/InlineOutcome.ts";
import type { InlineResult } from "../records/InlineResult.ts";
import type { RunResult } from "../records/RunResult.ts";
import type { Failure } from "../records/Verdict.ts";

/**
 * The `//=> VALUE` checks of an example that did not hold, each with its `file:line`, the
 * statement, the expected and the actual value: a value that did not match (the first time it
 * did not), and, when the example returned, a check whose statement never ran while it ran (a
 * branch not taken, a callback never called, a file run without its checks instrumented).
 */
export function inlineFailures(example: Example, result: RunResult): Failure[] {
  const checks = example.inlineResults ?? [];
  if (checks.length === 0) return [];
  const outcomes = new Map((result.inline ?? []).map((outcome) => [outcome.line, outcome]));
  const failures: Failure[] = [];
  for (const check of checks) {
    const outcome = outcomes.get(check.line);
    const place = `${example.file}:${check.line}`;
    if (outcome?.mismatch) failures.push({ kind: "inline", line: check.line, message: `${place}: ${describeMismatch(check, outcome.mismatch)}` });
    else if (!outcome?.runs && result.status === "returned") {
      failures.push({ kind: "inline", line: check.line, message: `${place}: \`${check.code}\` never ran while the example ran, so \`//=> ${check.expected}\` was not checked` });
    }
  }
  return failures;
}

function describeMismatch(check: InlineResult, mismatch: NonNullable<InlineOutcome["mismatch"]>): string {
  const { code, expected } = check;
  const is = `\`${code}\` ${check.kind === "logged" ? "logged" : "is"} ${mismatch.actual}`;
  switch (mismatch.reason) {
    case "unequal":
      return `${is}, expected ${expected} (compared by deep equality)${mismatch.promise ? "; it is a promise: write `await` in the statement to check what it resolves to" : ""}`;
    case "text":
      return `${is}, expected ${expected} (compared as util.inspect prints it, {...} for any text)`;
    case "expected-threw":
      return `the expected value \`${expected}\` threw ${mismatch.error} when read as JavaScript; write a value JavaScript can read (a string in quotes: 'text'), or text that is not an expression`;
    case "compare-threw":
      return `comparing the value of \`${code}\` (${mismatch.actual}) with ${expected} threw ${mismatch.error}`;
    case "too-long":
      return `${is}, too long to compare with ${expected} as text; check a part of it`;
  }
}
