import type { FoundBlocks, KeyedBlock } from "../records/KeyedBlock.ts";
import { lineBounds } from "../text/lineBounds.ts";
import { contentPrefix } from "./contentPrefix.ts";
import { parseInfoString } from "./parseInfoString.ts";
import { readFrontMatter } from "./readFrontMatter.ts";
import { remarkBudgetMs, remarkFencesBounded } from "./remarkFencesBounded.ts";
import { slowShape } from "./slowShape.ts";
import { scanSimpleFences, type Fence } from "../fast/scanSimpleFences.ts";

export interface FindKeyedBlocksOptions {
  /** parse with remark even when the page is simple enough for the line scanner (tests compare the two) */
  remarkOnly?: boolean;
  /** how long remark may take on a large page (default `remarkBudgetMs`) */
  budgetMs?: number;
}

const scriptLangs = new Set(["ts", "js", "typescript", "javascript", "tsx", "jsx", "mts", "cts", "mjs", "cjs"]);

/**
 * Finds the keyed blocks of a Markdown page where VitePress renders fences: in the body after a
 * byte order mark and front matter (`readFrontMatter`: gray-matter's boundaries), as remark reads
 * its structure, with any line endings (`\n`, `\r\n`, a lone `\r`). Every record keeps offsets
 * into the original text: splicing edits those bytes only. `file` is how the page appears in
 * messages. Simple pages (see `scanSimpleFences`) skip the parse: a line scanner finds the same
 * headings and fences, byte for byte, at a small part of the cost; every other page is parsed
 * with remark (`remarkFences`), and so is every page with `options.remarkOnly`, unless it has a
 * shape remark cannot read in bounded time (`slowShape`): then it is refused with a problem at
 * that line, and no block of it is found. A large page remark takes more than `remarkBudgetMs`
 * over is refused the same way (`remarkFencesBounded`).
 */
export function findKeyedBlocks(text: string, file: string, options: FindKeyedBlocksOptions = {}): FoundBlocks {
  const found: FoundBlocks = { blocks: [], snippets: [], problems: [] };
  // every block this reports is a fenced one: a page with no fence has none, and needs no parse
  if (!text.includes("```") && !text.includes("~~~")) return found;
  const { bodyStart, unclosed } = readFrontMatter(text);
  if (unclosed) {
    found.problems.push({ file, line: 1, column: 1, message: unclosedMessage(text) });
    return found;
  }
  const page: Page = { text, file, bodyStart, found, trimmedLength: undefined };
  let heading: string | undefined;
  const scanned = options.remarkOnly === true ? undefined : scanSimpleFences(text, bodyStart);
  if (scanned === undefined) {
    const slow = slowShape(text, bodyStart);
    if (slow !== undefined) {
      found.problems.push({ file, ...slow });
      return found;
    }
  }
  const budgetMs = options.budgetMs ?? remarkBudgetMs;
  const nodes = scanned ?? remarkFencesBounded(text, bodyStart, budgetMs);
  if (nodes === undefined) {
    found.problems.push({ file, line: 1, column: 1, message: overBudget(budgetMs) });
    return found;
  }
  for (const node of nodes) {
    if (node.type === "heading") heading = node.text;
    else readBlock(page, node, node.type === "code" ? node.value : undefined, heading);
  }
  return found;
}

const overBudget = (budgetMs: number) =>
  `remark took more than ${budgetMs / 1000} s to read where this page's blocks are, so none of them is checked: ` +
  "long lists or runs of quotes whose items nest lists or quotes take it time growing with their square; split the page, or nest less";

/** A page being read, and what was found in it so far. */
interface Page {
  text: string;
  file: string;
  bodyStart: number;
  found: FoundBlocks;
  /** the length of the text without its trailing white space, once a message needed it */
  trimmedLength: number | undefined;
}

/**
 * Reads the fenced block at `at`. `value` is the content remark parsed, which tells an
 * unterminated fence; undefined for a block the scanner saw closed.
 */
function readBlock(page: Page, at: Fence, value: string | undefined, heading: string | undefined) {
  const { text, file, found } = page;
  const { start, end } = at;
  fenceAt.lastIndex = start.offset;
  const fence = fenceAt.exec(text)?.[1];
  if (fence === undefined) return; // an indented code block: it has no info string
  const place = { file, line: start.line, column: start.column };
  const fenceEnd = start.offset + fence.length;
  const opening = lineBounds(text, start.offset);
  const eol = text.slice(opening.end, opening.next);
  const info = text.slice(fenceEnd, opening.end);
  const parsed = parseInfoString(info);

  const closing = lineBounds(text, end.offset - 1);
  const closeMatch = closingFence(fence).exec(text.slice(closing.start, closing.end));
  // remark closes an unterminated fence at the end of its container: the source text tells, by
  // a last line that is no closing fence, or one that is part of the value (indented 4 spaces)
  const between = end.line - start.line - 1;
  const valueFits = value === undefined || (value === "" ? between <= 1 : value.split(/\r\n|\r|\n/).length === between);
  if (end.line === start.line || closeMatch === null || !valueFits) {
    found.problems.push({
      ...place,
      message: `unterminated code fence \`${fence}\`: it runs to the end of the ${containerName(page, at)}; close it with a line \`${fence}\``,
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
  const closePrefix = closeMatch[1]!;
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
    contentStart: Math.min(opening.next, closing.start),
    contentEnd: closing.start,
    closeStart: closing.start + closePrefix.length,
    closeEnd: closing.start + closePrefix.length + closeMatch[2]!.length,
    // the body may start mid-line (after a closing `---x`): what precedes it is no container
    prefix: contentPrefix(text.slice(Math.max(opening.start, page.bodyStart), start.offset)),
    eol: eol === "" ? "\n" : (eol as KeyedBlock["eol"]),
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

function containerName(page: Page, at: Fence): string {
  // an unterminated fence that stops before the end of the text stopped at its container's end
  page.trimmedLength ??= page.text.trimEnd().length;
  return at.end.offset < page.trimmedLength ? "list item or blockquote" : "document";
}

function unclosedMessage(text: string): string {
  const hint = !text.includes("\n") && text.includes("\r")
    ? "; its reader looks for a `---` after a `\\n`, and this page's lines end with a lone `\\r`: save it with `\\n` or `\\r\\n` line endings"
    : "; close it with a line `---`";
  return `front matter opened by \`---\` is never closed: VitePress reads the whole page as front matter and shows none of it${hint}`;
}
