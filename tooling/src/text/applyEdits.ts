/** Replace the characters `start`..`end` (offsets, end excluded) of a text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits planned against one text, from the bottom up, so that each edit's offsets hold
 * whatever was edited below it. Two edits over the same characters are refused: that is a bug in
 * whoever planned them. The one edit applier of the package: `--update` (through
 * `applyLineEdits`) and the splicer both write through it.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // most callers plan their edits bottom up already: those need no sorted copy
  const sorted = edits.every((edit, index) => index === 0 || isBelow(edits[index - 1]!, edit)) ? edits : [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (let index = 0; index < sorted.length; index++) {
    const edit = sorted[index]!;
    const below = sorted[index - 1];
    if (edit.start > edit.end || edit.end > text.length) {
      throw new RangeError(`edit ${edit.start}-${edit.end} is outside the text (0-${text.length})`);
    }
    if (below && edit.end > below.start) {
      throw new RangeError(`overlapping edits at ${edit.start}-${edit.end} and ${below.start}-${below.end}`);
    }
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

const isBelow = (below: TextEdit, edit: TextEdit) => below.start > edit.start || (below.start === edit.start && below.end >= edit.end);
