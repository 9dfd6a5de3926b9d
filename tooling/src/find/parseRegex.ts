/**
 * Parses `/source/flags` into a RegExp. Returns a string describing the problem when the text is
 * not of that form or does not compile.
 */
export function parseRegex(text: string): RegExp | string {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(text);
  if (!literal) return `expected a regular expression written as /pattern/flags, got \`${text}\``;
  try {
    return new RegExp(literal[1]!, literal[2]);
  } catch (error) {
    return `invalid regular expression \`${text}\`: ${(error as Error).message}`;
  }
}
