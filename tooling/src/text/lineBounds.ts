/** Where the line holding an offset starts and ends, in a text with any line endings. */
export interface LineBounds {
  /** offset of the line's first character */
  start: number;
  /** offset of its line ending (`\n`, `\r\n` or `\r`), or the end of the text */
  end: number;
  /** offset of the next line's first character, or the end of the text */
  next: number;
}

/**
 * The bounds of the line holding `offset` (a character of the line, or the first character of
 * its line ending). A lone `\r` ends a line, as in CommonMark (and in pages saved by old Mac
 * editors); `\r\n` is one line ending. Looks only at the line itself, so a caller going through
 * a page's lines stays linear.
 */
export function lineBounds(text: string, offset: number): LineBounds {
  let start = offset;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (code === 10 || code === 13) break;
    start--;
  }
  let end = offset;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === 10 || code === 13) break;
    end++;
  }
  const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : Math.min(end + 1, text.length);
  return { start, end, next };
}
