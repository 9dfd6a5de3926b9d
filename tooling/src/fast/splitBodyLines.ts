// Speed: the line scanner's lines; see `scanSimpleFences`.

/** A line of a (possibly nested) document: its content after any container prefix. */
export interface Line {
  /** 1-based line number in the page */
  number: number;
  /** offset of the physical line's first character */
  lineStart: number;
  /** offset of `content`'s first character */
  start: number;
  /** the line after its container prefix, without the line ending */
  content: string;
}

/**
 * The lines of `text` from `bodyStart` on (a page's body, after its byte order mark and front
 * matter), numbered and placed in the whole text: the first may start mid-line (gray-matter
 * ends front matter at `---` whatever follows it on that line). Ends at `\n` or `\r\n` only:
 * `scanSimpleFences` leaves pages with a lone `\r` to remark.
 */
export function splitBodyLines(text: string, bodyStart: number): Line[] {
  const lines: Line[] = [];
  let number = 1;
  let lineStart = 0;
  for (let index = text.indexOf("\n"); index !== -1 && index < bodyStart; index = text.indexOf("\n", index + 1)) {
    number++;
    lineStart = index + 1;
  }
  // a byte order mark takes no column
  if (lineStart === 0 && text.charCodeAt(0) === 0xfeff) lineStart = 1;
  for (let start = bodyStart; start <= text.length; number++) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, text[end - 1] === "\r" ? end - 1 : end);
    if (newline === -1 && content === "" && start > bodyStart) break; // the text ends with a line ending
    lines.push({ number, lineStart: Math.min(lineStart, start), start, content });
    start = end + 1;
    lineStart = start;
  }
  return lines;
}
