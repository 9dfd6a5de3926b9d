import { matchLine, wildcard } from "./matchLine.ts";

/**
 * True when the actual lines are not the expected ones in some order, as multisets. Exact lines
 * are paired first, each with the first unpaired actual line equal to it; then each line with
 * wildcards, in the order written, takes the first unpaired actual line it matches.
 *
 * Exact lines are paired through a map, in linear time; only lines with wildcards are matched
 * against the lines left, so the cost is (wildcard lines × actual lines) line matches at worst.
 */
export function unorderedMismatch(expected: readonly string[], actual: readonly string[]): boolean {
  if (expected.length !== actual.length) return true;
  // each distinct actual line: where it occurs, and how many of those are paired already
  const occurrences = new Map<string, { indexes: number[]; paired: number }>();
  actual.forEach((line, index) => {
    const entry = occurrences.get(line);
    if (entry) entry.indexes.push(index);
    else occurrences.set(line, { indexes: [index], paired: 0 });
  });
  const taken = new Array<boolean>(actual.length).fill(false);
  const withWildcards: string[] = [];
  for (const line of expected) {
    if (line.includes(wildcard)) {
      withWildcards.push(line);
      continue;
    }
    const entry = occurrences.get(line);
    if (!entry || entry.paired === entry.indexes.length) return true;
    taken[entry.indexes[entry.paired++]!] = true;
  }
  const left = actual.filter((_line, index) => !taken[index]);
  for (const line of withWildcards) {
    const index = left.findIndex((candidate) => matchLine(line, candidate));
    if (index === -1) return true;
    left.splice(index, 1);
  }
  return false;
}
