/**
 * Every key that an `example-output=KEY` word names anywhere in `texts`, found without parsing:
 * a superset of the keys that the pages' output blocks show (prose that mentions the word adds
 * a few), so that the examples can start running before the pages are parsed.
 */
export function mentionedOutputKeys(texts: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const text of texts) {
    // an info string's word runs to the next whitespace: so does the key `parseInfoString` reads
    for (const match of text.matchAll(/example-output=(\S+)/g)) keys.add(match[1]!);
  }
  return keys;
}
