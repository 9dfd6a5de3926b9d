import { diffArrays } from "diff";
import { matchLine } from "./matchLine.ts";

export interface DiffLine {
  /** `=` lines that match, `-` expected only, `+` actual only */
  op: "=" | "-" | "+";
  /** for `=` lines, the expected line (it may hold wildcards) */
  expected?: string;
  text: string;
}

// myers' diff costs (lines × differing lines), quadratic when two long outputs differ all along,
// and a report of thousands of differing lines reads no better aligned: past this many, the
// alignment stops looking and says what differs coarsely, so the cost stays lines × this
const maxEditLength = 1000;

/**
 * Aligns expected and actual lines, treating a line that matches with wildcards as equal.
 * For equal lines `text` is the actual line and `expected` what was written. The alignment is a
 * shortest one while at most 1,000 lines differ; past that, the lines equal at both ends stay
 * aligned and all in between count as removed and added.
 */
export function lineDiff(expected: readonly string[], actual: readonly string[]): DiffLine[] {
  const changes = diffArrays(expected as string[], actual as string[], { comparator: matchLine, maxEditLength }) ?? coarseChanges(expected, actual);
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

/** The common head and tail as equal, everything between as removed then added. */
function coarseChanges(expected: readonly string[], actual: readonly string[]) {
  let head = 0;
  while (head < expected.length && head < actual.length && matchLine(expected[head]!, actual[head]!)) head++;
  let tail = 0;
  while (tail < expected.length - head && tail < actual.length - head && matchLine(expected.at(-1 - tail)!, actual.at(-1 - tail)!)) tail++;
  return [
    { value: actual.slice(0, head), added: false, removed: false },
    { value: expected.slice(head, expected.length - tail), added: false, removed: true },
    { value: actual.slice(head, actual.length - tail), added: true, removed: false },
    { value: actual.slice(actual.length - tail), added: false, removed: false },
  ];
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
  // how many expected and actual lines come before each diff line, for the hunk headers
  const oldBefore = [0];
  const newBefore = [0];
  lines.forEach((line, index) => {
    oldBefore.push(oldBefore[index]! + (line.op === "+" ? 0 : 1));
    newBefore.push(newBefore[index]! + (line.op === "-" ? 0 : 1));
  });
  let index = 0;
  while (index < changed.length) {
    const from = Math.max(0, changed[index]! - context);
    let to = Math.min(lines.length, changed[index]! + context + 1);
    while (index + 1 < changed.length && changed[index + 1]! - context <= to) {
      index++;
      to = Math.min(lines.length, changed[index]! + context + 1);
    }
    index++;
    const oldCount = oldBefore[to]! - oldBefore[from]!;
    const newCount = newBefore[to]! - newBefore[from]!;
    out.push(`@@ -${oldBefore[from]! + (oldCount ? 1 : 0)},${oldCount} +${newBefore[from]! + (newCount ? 1 : 0)},${newCount} @@`);
    for (const line of lines.slice(from, to)) out.push(`${line.op === "=" ? " " : line.op}${line.text}`);
  }
  return out.join("\n");
}
