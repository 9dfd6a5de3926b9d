/** Replace lines `from`..`to` (1-based, inclusive) with `lines`. */
export interface LineEdit {
  from: number;
  to: number;
  lines: string[];
}

/**
 * Applies line edits to a text, from the bottom of the file up, keeping the file's line endings.
 * Two edits that touch the same line are refused: that is a bug in whoever planned them.
 */
export function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const sorted = [...edits].sort((a, b) => b.from - a.from);
  sorted.forEach((edit, index) => {
    const below = sorted[index - 1];
    if (below && edit.to >= below.from) {
      throw new Error(`overlapping edits at lines ${edit.from}-${edit.to} and ${below.from}-${below.to}`);
    }
    lines.splice(edit.from - 1, edit.to - edit.from + 1, ...edit.lines);
  });
  return lines.join(eol);
}
