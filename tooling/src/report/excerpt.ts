/** How much of a long text `excerpt` shows. */
export interface ExcerptLimits {
  /** lines shown from the start */
  head: number;
  /** lines shown from the end (at least one) */
  tail: number;
  /** UTF-8 bytes shown of any one line */
  lineBytes: number;
}

/**
 * A long text from an example (stdout, stderr, a diff, a stack), bounded for a report: its
 * first `head` and last `tail` lines with `… N lines (M bytes) not shown …` between them, and
 * each line over `lineBytes` cut with `… (M more bytes on this line)`. A text within the limits
 * comes back unchanged. Lines are split on `\n` only, as the reports print them. Pure.
 */
export function excerpt(text: string, limits: ExcerptLimits): string {
  const { head, tail } = limits;
  // a text of more than head + tail lines has at least head + tail newlines: count no further
  let newlines = 0;
  let headEnd = -1;
  for (let at = text.indexOf("\n"); at !== -1 && newlines < head + tail; at = text.indexOf("\n", at + 1)) {
    newlines++;
    if (newlines === head) headEnd = at;
  }
  if (newlines < head + tail) return cutLines(text, limits.lineBytes);
  let tailStart = text.length;
  for (let count = 0; count < tail; count++) tailStart = text.lastIndexOf("\n", tailStart - 1);
  // the lines between, each with its newline
  const hidden = text.slice(headEnd + 1, tailStart + 1);
  let hiddenLines = 0;
  for (let at = hidden.indexOf("\n"); at !== -1; at = hidden.indexOf("\n", at + 1)) hiddenLines++;
  const marker = `… ${hiddenLines} line${hiddenLines === 1 ? "" : "s"} (${Buffer.byteLength(hidden)} bytes) not shown …`;
  const start = head === 0 ? [] : [cutLines(text.slice(0, headEnd), limits.lineBytes)];
  return [...start, marker, cutLines(text.slice(tailStart + 1), limits.lineBytes)].join("\n");
}

function cutLines(text: string, lineBytes: number): string {
  // most texts have no long line: check before splitting (a UTF-16 unit is at most 3 bytes)
  if (text.length * 3 <= lineBytes) return text;
  return text.split("\n").map((line) => cutLine(line, lineBytes)).join("\n");
}

function cutLine(line: string, lineBytes: number): string {
  if (line.length * 3 <= lineBytes) return line;
  // walk whole characters (a surrogate pair is one), counting their UTF-8 bytes, so that the
  // cut never falls inside one and a lone surrogate stays as it was for the reporter to escape
  let bytes = 0;
  let end = 0;
  while (end < line.length) {
    const code = line.codePointAt(end)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > lineBytes) break;
    bytes += size;
    end += size === 4 ? 2 : 1;
  }
  if (end === line.length) return line;
  return `${line.slice(0, end)}… (${Buffer.byteLength(line) - bytes} more bytes on this line)`;
}
