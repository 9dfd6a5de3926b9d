/** The wildcard for volatile values inside expected lines: matches any text within one line. */
export const wildcard = "{...}";

const cache = new Map<string, RegExp>();

/**
 * Whether an actual line matches an expected line, where each `{...}` in the expected line
 * stands for any run of characters (possibly none) on that line.
 */
export function matchLine(expected: string, actual: string): boolean {
  if (!expected.includes(wildcard)) return expected === actual;
  let pattern = cache.get(expected);
  if (!pattern) {
    const parts = expected.split(wildcard).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    pattern = new RegExp(`^${parts.join(".*?")}$`, "s");
    cache.set(expected, pattern);
  }
  return pattern.test(actual);
}
