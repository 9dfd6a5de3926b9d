import { diffArrays } from "diff";
import { matchLine } from "./matchLine.ts";

export interface DiffLine {
  /** `=` lines that match, `-` expected only, `+` actual only */
  op: "=" | "-" | "+";
  /** for `=` lines, the expected line (it may hold wildcards) */
  expected?: string;
  text: string;
}

/**
 * Aligns expected and actual lines, treating a line that matches with wildcards as equal.
 * For equal lines `text` is the actual line and `expected` what was written.
 */
export function lineDiff(expected: readonly string[], actual: readonly string[]): DiffLine[] {
  const changes = diffArrays(expected as string[], actual as string[], { comparator: (left, right) => matchLine(left, right) });
  const lines: DiffLine[] = [];
  let expectedIndex = 0;
  for (const change of changes) {
    for (const value of change.value) {
      if (change.added) lines.push({ op: "+", text: value });
      else if (change.removed) lines.push({ op: "-", text: value }), expectedIndex++;
      else lines.push({ op: "=", expected: expected[expectedIndex++]!, text: value });
    }
  }
  return lines;
}

/**
 * A unified diff (`--- expected`, `+++ actual`, `@@` hunks with three lines of context) of two
 * line lists, for reports.
 */
export function formatLineDiff(expected: readonly string[], actual: readonly string[], context = 3): string {
  const lines = lineDiff(expected, actual);
  const out = ["--- expected", "+++ actual"];
  const changed = lines.map((line, index) => (line.op === "=" ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return out.join("\n");
  let index = 0;
  while (index < changed.length) {
    const from = Math.max(0, changed[index]! - context);
    let to = Math.min(lines.length, changed[index]! + context + 1);
    while (index + 1 < changed.length && changed[index + 1]! - context <= to) {
      index++;
      to = Math.min(lines.length, changed[index]! + context + 1);
    }
    index++;
    const before = lines.slice(0, from);
    const hunk = lines.slice(from, to);
    const oldStart = before.filter((line) => line.op !== "+").length;
    const newStart = before.filter((line) => line.op !== "-").length;
    const oldCount = hunk.filter((line) => line.op !== "+").length;
    const newCount = hunk.filter((line) => line.op !== "-").length;
    out.push(`@@ -${oldStart + (oldCount ? 1 : 0)},${oldCount} +${newStart + (newCount ? 1 : 0)},${newCount} @@`);
    for (const line of hunk) out.push(`${line.op === "=" ? " " : line.op}${line.text}`);
  }
  return out.join("\n");
}
