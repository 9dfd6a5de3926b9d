import { formatPlace } from "../records/Example.ts";
import { didYouMean } from "../find/didYouMean.ts";
import { formatProblem } from "../records/Problem.ts";
import { blockWord, type KeyedBlock } from "../records/KeyedBlock.ts";
import { spliceCache } from "../fast/spliceCache.ts";
import type { SpliceContext } from "./SpliceContext.ts";
import type { BlockContent } from "./spliceMarkdown.ts";
import { keepShownOutput } from "./keepShownOutput.ts";
import { shownContent } from "./shownContent.ts";

/**
 * The content of one block: the example's rendered code, or the stdout it printed in this run.
 * Given the `page` the block is on, an output block that already shows text as good as this
 * run's (`keepShownOutput`: it differs only in `{...}` spans) keeps it. An unknown key (with a did-you-mean), an example that failed or did not run, and broken
 * `// hide` markers are problems: the page keeps its old content.
 */
export function resolveBlock(block: KeyedBlock, context: SpliceContext, page?: string): BlockContent {
  const word = blockWord(block);
  const cache = spliceCache(context);
  const example = cache.example(block.key);
  if (example === undefined) {
    const suggestion = didYouMean(block.key, context.examples.map((candidate) => candidate.key));
    return { problem: `unknown example key in \`${word}\`: ${suggestion ? `did you mean \`${suggestion}\`?` : "no @example has this key"}` };
  }
  if (block.kind === "code") {
    const text = context.sources.get(example.file);
    if (text === undefined) return { problem: `\`${word}\`: the text of ${example.file} was not read` };
    const rendered = cache.code(example, text, block.full);
    if (rendered.problems.length > 0) return { problem: `\`${word}\`: ${rendered.problems.map(formatProblem).join("; ")}` };
    return { text: rendered.code };
  }
  const verdict = context.verdicts?.get(block.key);
  if (verdict === undefined || verdict.status === "skipped") {
    return { problem: `\`${word}\`: example ${formatPlace(example)} did not run${example.skip !== undefined ? " (@skip)" : ""}, so it has no output to show` };
  }
  if (verdict.status === "failed") {
    const reason = verdict.failures[0]?.message.split("\n")[0];
    return { problem: `\`${word}\`: example ${formatPlace(example)} failed in this run${reason ? ` (${reason})` : ""}: its output is not shown until it passes` };
  }
  const shown = page === undefined ? undefined : shownContent(page, block);
  return { text: shown === undefined ? verdict.result.stdout : keepShownOutput(verdict, shown) };
}
