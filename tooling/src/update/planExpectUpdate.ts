import type { LinesExpectation } from "../records/Example.ts";
import { lineDiff } from "../check/lineDiff.ts";
import { outputLines } from "../check/outputLines.ts";
import type { Verdict } from "../records/Verdict.ts";
import type { LineEdit } from "./applyLineEdits.ts";

/**
 * The edit that makes an example's `@expect` block hold its actual output, or why it cannot be
 * updated. Lines that already matched are kept as written, so their wildcards survive.
 * Returns undefined when there is nothing to update.
 */
export function planExpectUpdate(verdict: Verdict, sourceText: string): LineEdit | string | undefined {
  const failure = verdict.failures.find((candidate) => candidate.kind === "stdout" && candidate.expectation?.kind === "exact");
  if (!failure) return undefined;
  const other = verdict.failures.find((candidate) => candidate !== failure);
  if (other) return `not updated: ${other.message}`;
  const expectation = failure.expectation as LinesExpectation;
  const actual = outputLines(verdict.result.stdout);
  if (actual.some((line) => line.includes("*/"))) return "not updated: the output holds `*/`, which would end the comment";
  const tagLine = sourceText.split(/\r?\n/)[expectation.line - 1]!;
  const at = tagLine.indexOf("@expect");
  const prefix = tagLine.slice(0, at);
  const lines = lineDiff(expectation.lines, actual)
    .filter((line) => line.op !== "-")
    .map((line) => (line.op === "=" ? line.expected! : line.text))
    .map((line) => (line.startsWith("@") ? `\\${line}` : line))
    .map((line) => (line === "" ? prefix.trimEnd() : `${prefix}${line}`));
  return { from: expectation.line, to: expectation.endLine, lines: [`${prefix}@expect`, ...lines] };
}
