import type * as TS from "typescript";
import { hiddenLines } from "../splice/hiddenLines.ts";

/**
 * The offsets of the lines between `from` and `to` that a page does not show: those ending in
 * `// hide`, and those from `// hide-start` to `// hide-end`. Each line is read as
 * `renderExampleCode` reads it, cut at `from` and `to`. Broken markers are the renderer's to
 * report (a block that shows such an example is an error); here they hide what they hide.
 */
export function hiddenLineStarts(sourceFile: TS.SourceFile, from: number, to: number): Set<number> {
  const text = sourceFile.text;
  // most bodies hide nothing: no need to cut them into lines
  if (!markersOf(sourceFile).some((marker) => marker >= from && marker < to)) return new Set();
  const starts = sourceFile.getLineStarts();
  const first = sourceFile.getLineAndCharacterOfPosition(from).line;
  const last = sourceFile.getLineAndCharacterOfPosition(to).line;
  const lineStarts: number[] = [];
  const lines: string[] = [];
  for (let line = first; line <= last; line++) {
    const lineStart = starts[line]!;
    const lineEnd = starts[line + 1] ?? text.length;
    lineStarts.push(lineStart);
    lines.push(text.slice(Math.max(lineStart, from), Math.min(lineEnd, to)).replace(/\r?\n$/, ""));
  }
  const { hidden } = hiddenLines(lines);
  return new Set(lineStarts.filter((_, index) => hidden[index]));
}

const markers = new WeakMap<TS.SourceFile, number[]>();

/** Where the file's text says `hide`, found once per parsed file, which has several examples. */
function markersOf(sourceFile: TS.SourceFile): number[] {
  let found = markers.get(sourceFile);
  if (found === undefined) {
    found = [];
    for (let at = sourceFile.text.indexOf("hide"); at !== -1; at = sourceFile.text.indexOf("hide", at + 4)) found.push(at);
    markers.set(sourceFile, found);
  }
  return found;
}
