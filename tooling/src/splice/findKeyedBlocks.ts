import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { FoundBlocks, KeyedBlock } from "../records/KeyedBlock.ts";
import { parseInfoString } from "./parseInfoString.ts";
import { scanSimpleFences, type Fence } from "../fast/scanSimpleFences.ts";

export interface FindKeyedBlocksOptions {
  /** parse with remark even when the page is simple enough for the line scanner (tests compare the two) */
  remarkOnly?: boolean;
}

const parser = unified().use(remarkParse);
const scriptLangs = new Set(["ts", "js", "typescript", "javascript", "tsx", "jsx", "mts", "cts", "mjs", "cjs"]);

/**
 * Finds the keyed blocks of a Markdown page, as remark reads its structure, but every record
 * keeps offsets into the original text: splicing edits those bytes only. `file` is how the page
 * appears in messages. Simple pages (see `scanSimpleFences`) skip the parse: a line scanner
 * finds the same headings and fences, byte for byte, at a small part of the cost; every other
 * page is parsed with remark, and so is every page with `options.remarkOnly`.
 */
export function findKeyedBlocks(text: string, file: string, options: FindKeyedBlocksOptions = {}): FoundBlocks {
  const found: FoundBlocks = { blocks: [], snippets: [], problems: [] };
  // every block this reports is a fenced one: a page with no fence has none, and needs no parse
  if (!text.includes("```") && !text.includes("~~~")) return found;
  // remark-parse knows no front matter: it would read `title: x\n---` as a heading
  const bodyStart = frontMatterLength(text);
  let heading: string | undefined;
  const scanned = options.remarkOnly === true ? undefined : scanSimpleFences(text, bodyStart);
  if (scanned !== undefined) {
    for (const node of scanned) {
      if (node.type === "heading") heading = node.text;
      else readBlock(text, file, node, undefined, heading, found);
    }
    return found;
  }
  const visit = (node: Nodes) => {
    const start = node.position?.start.offset;
    if (start !== undefined && start >= bodyStart) {
      if (node.type === "heading") heading = toString(node);
      if (node.type === "code") readBlock(text, file, node.position as Fence, node.value, heading, found);
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(parser.parse(text));
  return found;
}

/**
 * Reads the fenced block at `at`. `value` is the content remark parsed, which tells an
 * unterminated fence; undefined for a block the scanner saw closed.
 */
function readBlock(text: string, file: string, at: Fence, value: string | undefined, heading: string | undefined, found: FoundBlocks) {
  const { start, end } = at;
  fenceAt.lastIndex = start.offset;
  const fence = fenceAt.exec(text)?.[1];
  if (fence === undefined) return; // an indented code block: it has no info string
  const place = { file, line: start.line, column: start.column };
  const fenceEnd = start.offset + fence.length;
  const openLineEnd = lineEnd(text, fenceEnd);
  const eol = text[openLineEnd - 1] === "\r" ? "\r\n" : "\n";
  const info = text.slice(fenceEnd, openLineEnd - (eol === "\r\n" ? 1 : 0));
  const parsed = parseInfoString(info);

  const closeLineStart = text.lastIndexOf("\n", end.offset - 1) + 1;
  const closeLine = text.slice(closeLineStart, lineEnd(text, closeLineStart)).replace(/\r$/, "");
  const closing = closingFence(fence).exec(closeLine);
  // remark closes an unterminated fence at the end of its container: the source text tells, by
  // a last line that is no closing fence, or one that is part of the value (indented 4 spaces)
  const between = end.line - start.line - 1;
  const valueFits = value === undefined || (value === "" ? between <= 1 : value.split("\n").length === between);
  if (end.line === start.line || closing === null || !valueFits) {
    found.problems.push({
      ...place,
      message: `unterminated code fence \`${fence}\`: it runs to the end of the ${containerName(at, text)}; close it with a line \`${fence}\``,
    });
    return;
  }
  for (const message of parsed.problems) found.problems.push({ ...place, message });
  if (parsed.key === undefined || parsed.kind === undefined) {
    if (parsed.problems.length === 0 && parsed.lang !== undefined && scriptLangs.has(parsed.lang) && !parsed.isStatic) {
      found.snippets.push({
        ...place,
        message: `untested \`${parsed.lang}\` snippet: add \`example=KEY\` to show a tested example, or \`static\` to keep it as is`,
      });
    }
    return;
  }
  const prefix = closing[1]!;
  const block: KeyedBlock = {
    file,
    line: start.line,
    endLine: end.line,
    key: parsed.key,
    kind: parsed.kind,
    full: parsed.full,
    fence,
    info,
    fenceStart: start.offset,
    fenceEnd,
    contentStart: Math.min(openLineEnd + 1, closeLineStart),
    contentEnd: closeLineStart,
    closeStart: closeLineStart + prefix.length,
    closeEnd: closeLineStart + prefix.length + closing[2]!.length,
    prefix,
    eol,
  };
  if (heading !== undefined) block.heading = heading;
  found.blocks.push(block);
}

const fenceAt = /(`{3,}|~{3,})/y;
const closingFences = new Map<string, RegExp>();

/** The pattern of a line closing `fence`, after its container prefix; made once per fence. */
function closingFence(fence: string): RegExp {
  let pattern = closingFences.get(fence);
  if (pattern === undefined) {
    pattern = new RegExp(`^([ \\t>]*)(${fence[0] === "`" ? "`" : "~"}{${fence.length},})[ \\t]*$`);
    closingFences.set(fence, pattern);
  }
  return pattern;
}

/** The offset of the `\n` ending the line at `offset`, or the end of the text. */
function lineEnd(text: string, offset: number): number {
  const index = text.indexOf("\n", offset);
  return index === -1 ? text.length : index;
}

function containerName(at: Fence, text: string): string {
  // an unterminated fence that stops before the end of the text stopped at its container's end
  return at.end.offset < text.trimEnd().length ? "list item or blockquote" : "document";
}

/** Length of a leading `---` YAML front matter block, or 0. */
export function frontMatterLength(text: string): number {
  return /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text)?.[0].length ?? 0;
}
