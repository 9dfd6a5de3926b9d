import { applyEdits } from "../text/applyEdits.ts";

/** Replace lines `from`..`to` (1-based, inclusive) with `lines`. */
export interface LineEdit {
  from: number;
  to: number;
  lines: string[];
}

/**
 * Applies line edits to a text, keeping the file's line endings, through `applyEdits` (bottom
 * up). Two edits that touch the same line are refused: that is a bug in whoever planned them.
 */
export function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const sorted = [...edits].sort((a, b) => a.from - b.from);
  sorted.forEach((edit, index) => {
    const above = sorted[index - 1];
    if (above && above.to >= edit.from) throw new Error(`overlapping edits at lines ${above.from}-${above.to} and ${edit.from}-${edit.to}`);
  });
  // the offset each line starts at; the last line has no line ending after it
  const starts = [0, ...[...text.matchAll(/\r?\n/g)].map((match) => match.index + match[0].length)];
  return applyEdits(text, edits.map((edit) => {
    const last = edit.to >= starts.length;
    return {
      start: starts[edit.from - 1]!,
      end: last ? text.length : starts[edit.to]!,
      text: last ? edit.lines.join(eol) : edit.lines.map((line) => line + eol).join(""),
    };
  }));
}
