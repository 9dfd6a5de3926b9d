import type { Example } from "../records/Example.ts";
import type { Problem } from "../records/Problem.ts";
import type { KeyedBlock } from "../records/KeyedBlock.ts";

/**
 * Examples that no page shows, neither their code nor their output, at the example's place.
 */
export function findOrphans(examples: readonly Example[], blocks: readonly KeyedBlock[]): Problem[] {
  const shown = new Set(blocks.map((block) => block.key));
  return examples
    .filter((example) => !shown.has(example.key))
    .map((example) => ({
      file: example.file,
      line: example.line,
      message: `example \`${example.key}\` is not shown on any page: add a fenced block with \`example=${example.key}\` to a page of the docs`,
    }));
}
