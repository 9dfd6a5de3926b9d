import type { Problem } from "../records/Problem.ts";
import { chooseFence } from "./chooseFence.ts";
import { blockWord, type KeyedBlock } from "../records/KeyedBlock.ts";
import { applyEdits, type TextEdit } from "../text/applyEdits.ts";

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
 * bottom of the page up (`applyEdits`), two blocks over the same bytes are refused as problems, and the content's lines
 * get the block's content prefix (what makes them render inside it, `contentPrefix`) and line ending. Pure: the same input splices the same way,
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
  const edits: TextEdit[] = [];
  let floor = Infinity;
  for (const block of ordered) {
    if (block.closeEnd > floor) {
      fail(block, `\`${blockWord(block)}\` overlaps another block: refusing two edits to the same place`);
      continue;
    }
    const content = lookup(block);
    if ("problem" in content) {
      fail(block, content.problem);
      continue;
    }
    floor = block.fenceStart;
    edits.push({ start: block.fenceStart, end: block.closeEnd, text: fill(text, block, content.text) });
  }
  problems.sort((a, b) => a.line - b.line);
  return { text: applyEdits(text, edits), problems };
}

/**
 * The block from its opening fence to its closing fence, filled with `content`. Fences keep
 * their length (a closing fence may be longer than the opening one) unless the content needs
 * longer ones.
 */
function fill(text: string, block: KeyedBlock, content: string): string {
  const { fence, body } = filling(content, block.fence, block.prefix, block.eol);
  const closing = block.closeEnd - block.closeStart >= fence.length ? text.slice(block.closeStart, block.closeEnd) : fence;
  return fence
    + text.slice(block.fenceEnd, block.contentStart)
    + body
    + text.slice(block.contentEnd, block.closeStart)
    + closing;
}

// a docs folder shows each example's content in many blocks of few shapes: the lines, fence and
// body are worked out once per content and shape. Bounded, for long-lived processes (dev server).
const fillings = new Map<string, Map<string, { fence: string; body: string }>>();

function filling(content: string, blockFence: string, prefix: string, eol: string): { fence: string; body: string } {
  let shapes = fillings.get(content);
  if (shapes === undefined) {
    if (fillings.size >= 1000) fillings.clear();
    shapes = new Map();
    fillings.set(content, shapes);
  }
  const shape = `${blockFence}\0${prefix}\0${eol}`;
  let filled = shapes.get(shape);
  if (filled === undefined) {
    const lines = content === "" ? [] : content.replace(/\r?\n$/, "").split(/\r?\n/);
    filled = {
      fence: chooseFence(blockFence, lines.join("\n")),
      body: lines.map((line) => (line === "" ? prefix.trimEnd() : prefix + line) + eol).join(""),
    };
    shapes.set(shape, filled);
  }
  return filled;
}
