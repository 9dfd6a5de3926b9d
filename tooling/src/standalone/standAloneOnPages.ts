import type { Page } from "../records/Project.ts";
import type { Problem } from "../records/Problem.ts";
import type { StandAloneProblem } from "../records/StandAloneProblem.ts";

/**
 * The stand-alone problems as a writer meets them on the pages: one per code block that shows
 * a snippet with a missing name, at the block's opening fence, naming the example's place.
 * Output blocks show no code and get none. Pure.
 */
export function standAloneOnPages(pages: readonly Page[], problems: readonly StandAloneProblem[]): Problem[] {
  if (problems.length === 0) return [];
  const byKey = new Map<string, StandAloneProblem[]>();
  for (const problem of problems) byKey.set(problem.key, [...(byKey.get(problem.key) ?? []), problem]);
  const found: Problem[] = [];
  for (const page of pages) {
    for (const block of page.found.blocks) {
      if (block.kind !== "code") continue;
      for (const problem of byKey.get(block.key) ?? []) {
        found.push({ file: block.file, line: block.line, message: `\`example=${block.key}\`: ${problem.message} (${problem.file}:${problem.line})` });
      }
    }
  }
  return found;
}
