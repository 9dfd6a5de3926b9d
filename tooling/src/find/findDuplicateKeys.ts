import { formatPlace, type Example } from "../records/Example.ts";
import type { Problem } from "../records/Problem.ts";

/** Two problems for each key used twice: one at each example, naming the other. Pure. */
export function findDuplicateKeys(examples: readonly Example[]): Problem[] {
  const first = new Map<string, Example>();
  const problems: Problem[] = [];
  for (const example of examples) {
    const earlier = first.get(example.key);
    if (!earlier) {
      first.set(example.key, example);
      continue;
    }
    problems.push(
      { file: earlier.file, line: earlier.line, message: `duplicate example key \`${example.key}\`: also at ${formatPlace(example)}` },
      { file: example.file, line: example.line, message: `duplicate example key \`${example.key}\`: also at ${formatPlace(earlier)}` },
    );
  }
  return problems;
}
