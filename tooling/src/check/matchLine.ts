/** The wildcard for volatile values inside expected lines: matches any text within one line. */
export const wildcard = "{...}";

/**
 * Whether an actual line matches an expected line, where each `{...}` in the expected line
 * stands for any run of characters (possibly none) on that line. Everything else is literal.
 *
 * Linear in the line lengths at worst (O(actual × expected)), whatever the expected line: a
 * hostile `{...},{...},{...}.` against a long line must not stall the run, as a backtracking
 * regex did.
 */
export function matchLine(expected: string, actual: string): boolean {
  if (!expected.includes(wildcard)) return expected === actual;
  const parts = expected.split(wildcard);
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  // the literal head and tail are pinned to the ends, and must not overlap
  if (actual.length < first.length + last.length || !actual.startsWith(first) || !actual.endsWith(last)) return false;
  // between them, each literal part at its leftmost place after the one before: taking the
  // earliest place never loses a match, since every later part then has the most room left
  const end = actual.length - last.length;
  let from = first.length;
  for (let index = 1; index < parts.length - 1; index++) {
    const part = parts[index]!;
    const at = actual.indexOf(part, from);
    if (at === -1 || at + part.length > end) return false;
    from = at + part.length;
  }
  return true;
}
