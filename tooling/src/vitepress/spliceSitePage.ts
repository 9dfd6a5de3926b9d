import { blockWord, type FoundBlocks } from "../records/KeyedBlock.ts";
import { formatProblem, type Problem } from "../records/Problem.ts";
import { findKeyedBlocks } from "../splice/findKeyedBlocks.ts";
import { resolveBlock } from "../splice/resolveBlock.ts";
import { spliceMarkdown } from "../splice/spliceMarkdown.ts";
import type { SiteState } from "./mergeRun.ts";

/** A page spliced for the site, with what its fences need to know. */
export interface SiteSplice {
  text: string;
  /** blocks that could not be filled, and the page's malformed keys, with their place */
  problems: Problem[];
  /** the problem of each block that could not be filled, by its word (`example-output=key`) */
  blockProblems: Map<string, string>;
  /** the example keys the page shows */
  keys: Set<string>;
  /** the words of its keyed blocks (`example=KEY`, `example-output=KEY`), each once, in page order */
  words: string[];
  /** the words of the output blocks that keep the text an earlier run printed (see `keepShownOutput`) */
  kept: Set<string>;
}

/**
 * Splices one page (`file` relative to the root) for the site. Unlike `splice`, a block that
 * cannot be filled is left empty (the site shows the problem in its place) rather than keeping
 * the page's old text, and the blocks of examples whose file has problems now say so: those
 * examples did not run again. An output block the page's Markdown already fills (a committed,
 * spliced page) keeps its text when it differs from this run's only in `{...}` spans
 * (`keepShownOutput`): building a commit again then changes no byte. `found`: the page's blocks,
 * when they were found before. Pure.
 */
export function spliceSitePage(state: SiteState, file: string, text: string, found: FoundBlocks = findKeyedBlocks(text, file)): SiteSplice {
  const problems = state.project.problems;
  const broken = new Map<string, Problem[]>();
  for (const problem of problems) broken.set(problem.file, [...(broken.get(problem.file) ?? []), problem]);
  const blockProblems = new Map<string, string>();
  const kept = new Set<string>();
  const spliced = spliceMarkdown(text, found.blocks, (block) => {
    const word = blockWord(block);
    const example = state.context.examples.find((candidate) => candidate.key === block.key);
    // a key not found may be that of an example in a file that does not parse
    const why = example ? broken.get(example.file) : broken.size > 0 ? problems : undefined;
    const content = why
      ? { problem: `\`${word}\`: ${example ? `${example.file} has problems, so its examples did not run again` : "the example files have problems, so this example did not run"}: ${why.map(formatProblem).join("; ")}` }
      : resolveBlock(block, state.context, text);
    if ("problem" in content) {
      blockProblems.set(word, content.problem);
      return { text: "" };
    }
    if (block.kind === "output" && content.text !== state.verdicts.get(block.key)?.result.stdout) kept.add(word);
    return content;
  });
  const pageProblems = [...found.problems, ...found.blocks.flatMap((block) => {
    const problem = blockProblems.get(blockWord(block));
    return problem ? [{ file, line: block.line, message: problem }] : [];
  })];
  const keys = new Set(found.blocks.map((block) => block.key));
  return { text: spliced.text, problems: pageProblems, blockProblems, keys, words: [...new Set(found.blocks.map(blockWord))], kept };
}
