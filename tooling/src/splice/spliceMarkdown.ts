import type { Problem } from "../find/Problem.ts";
import { chooseFence } from "./chooseFence.ts";
import type { KeyedBlock } from "./KeyedBlock.ts";

/** What goes into a block: its content, or why there is none. */
export type BlockContent = { text: string } | { problem: string };

export interface SplicedMarkdown {
  text: string;
  /** blocks that could not be filled, at the block's place; those blocks are left as they were */
  problems: Problem[];
}

/**
 * Fills each keyed block of a page with `lookup(block)`. Only the bytes between the fences
 * change (and the fence markers, when the content holds a fence as long): edits apply from the
 * bottom of the page up, two blocks over the same bytes are refused, and the content's lines
 * get the block's container prefix and line ending. Pure: the same input splices the same way,
 * and splicing its output again changes nothing.
 */
export function spliceMarkdown(
  text: string,
  blocks: readonly KeyedBlock[],
  lookup: (block: KeyedBlock) => BlockContent,
): SplicedMarkdown {
  const problems: Problem[] = [];
  const fail = (block: KeyedBlock, message: string) => problems.push({ file: block.file, line: block.line, message });
  const ordered = [...blocks].sort((a, b) => b.fenceStart - a.fenceStart);
  let result = text;
  let floor = Infinity;
  for (const block of ordered) {
    if (block.closeEnd > floor) {
      fail(block, `\`${block.kind === "code" ? "example" : "example-output"}=${block.key}\` overlaps another block: refusing two edits to the same place`);
      continue;
    }
    const content = lookup(block);
    if ("problem" in content) {
      fail(block, content.problem);
      continue;
    }
    floor = block.fenceStart;
    result = result.slice(0, block.fenceStart) + fill(text, block, content.text) + result.slice(block.closeEnd);
  }
  problems.sort((a, b) => a.line - b.line);
  return { text: result, problems };
}

/** The block from its opening fence to its closing fence, filled with `content`. */
function fill(text: string, block: KeyedBlock, content: string): string {
  const lines = content === "" ? [] : content.replace(/\r?\n$/, "").split(/\r?\n/);
  const fence = chooseFence(block.fence, lines.join("\n"));
  const body = lines.map((line) => (line === "" ? block.prefix.trimEnd() : block.prefix + line) + block.eol).join("");
  return fence
    + text.slice(block.fenceEnd, block.contentStart)
    + body
    + text.slice(block.contentEnd, block.closeStart)
    + fence;
}
