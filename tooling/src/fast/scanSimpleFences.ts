// Speed: remark parses are most of a splice; proven equal to remark by its test, faster by `npm run bench:splice`.
import type { Heading } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { splitBodyLines, type Line } from "./splitBodyLines.ts";

/**
 * What `findKeyedBlocks` needs of a page: its headings' text and its fenced blocks, in order.
 * A fence is where its block starts and ends, as remark would place it; the scanner takes only
 * fences it saw closed.
 */
export type ScannedNode = { type: "heading"; text: string } | ({ type: "fence" } & Fence);

/** Where a fenced block starts and ends, its opening and closing fences included, as remark places it. */
export interface Fence {
  start: { line: number; column: number; offset: number };
  end: { line: number; column: number; offset: number };
}

const lineParser = unified().use(remarkParse);
const maxDepth = 4;
const blank = /^[ \t]*$/;
/** spaces and tabs only; most blank lines are empty, which needs no pattern */
const isBlank = (line: string) => line === "" || blank.test(line);
const openingFence = /^(`{3,}|~{3,})(.*)$/;
const headingLine = /^(#{1,6})(?:[ \t](.*))?$/;
// a setext underline or a thematic break: what they mean depends on the line before
const ruleLike = /^(?:=+[ \t]*|-+[ \t]*|([-*_])[ \t]*(?:\1[ \t]*){2,})$/;
const listMarker = /^(?:[-*+]|\d+[.)])(?:[ \t]|$)/;
// the first characters those two patterns can match, checked before them on every line
const ruleStarts = new Set(["=", "-", "*", "_"]);
const listStarts = new Set(["-", "*", "+", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
const simpleListItem = /^([-*+]|\d{1,9}[.)])( {1,4})(?=\S)/;
// html blocks of kinds 1 to 5 end at a marker, not at a blank line: they can hide anything
const markerHtml = /^<(?:[!?]|(?:script|pre|style|textarea)(?:[ \t>]|$))/i;
// characters that can make a heading's text differ from its source: escapes, entities, inline markup
const inlineMarkup = /[`*_[\]<>!\\&\t\0]/;

/**
 * The headings and fenced blocks of `text` from `bodyStart` on (after its byte order mark and
 * front matter, which VitePress never reads as Markdown), found with a line scanner, or
 * `undefined` when the page is not simple enough to be sure that remark would find the same
 * ones. remark stays the source of truth: the scanner takes only pages whose CommonMark
 * structure is unambiguous from each line's first characters (top-level paragraphs, ATX
 * headings, fences at column 0, html blocks that end at a blank line, block quotes and list
 * items that are blank-line separated and whose content is itself such a page), and gives up on
 * anything else: indented code, tabs or spaces in front of a line, setext headings and rules,
 * lazy continuation lines, unclosed fences, comments and `<pre>` blocks, lone `\r` line endings.
 */
export function scanSimpleFences(text: string, bodyStart: number): ScannedNode[] | undefined {
  // a lone `\r` ends a line for CommonMark
  if (text.includes("\r") && /\r(?!\n)/.test(text)) return undefined;
  // a reference definition anywhere on the page could turn a heading's `[x]` into a link
  const page: Page = { text, mayDefine: text.includes("]:"), nodes: [] };
  return scanDocument(page, splitBodyLines(text, bodyStart), 0) ? page.nodes : undefined;
}

/** The page being scanned, and what was found in it so far. */
interface Page {
  text: string;
  /** whether the page has `]:` anywhere, looked up once */
  mayDefine: boolean;
  nodes: ScannedNode[];
}

/**
 * Scans a document (the page, or the content of a block quote or list item), adding its nodes
 * to the page's. False when it is not simple.
 */
function scanDocument(page: Page, lines: Line[], depth: number): boolean {
  const nodes = page.nodes;
  let afterBlank = true;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const content = line.content;
    if (isBlank(content)) {
      afterBlank = true;
      index++;
      continue;
    }
    const first = content[0]!;
    if (first === " " || first === "\t" || (ruleStarts.has(first) && ruleLike.test(content))) return false;
    if (first === "`" || first === "~") {
      const fence = openingFence.exec(content);
      if (fence !== null) {
        const close = closingLine(lines, index, fence[1]!, fence[2]!);
        if (close === undefined) return false;
        nodes.push(fenceNode(lines, index, close));
        index = close + 1;
        afterBlank = false;
        continue;
      }
    } else if (first === "#") {
      const heading = headingLine.exec(content);
      if (heading !== null) {
        const headingText = readHeading(page, content, heading[1]!.length, heading[2] ?? "");
        if (headingText === undefined) return false;
        nodes.push({ type: "heading", text: headingText });
        index++;
        afterBlank = false;
        continue;
      }
    } else if (first === "<") {
      if (markerHtml.test(content)) return false;
      const end = htmlEnd(lines, index);
      if (end === undefined) return false;
      index = end;
      continue;
    } else if (first === ">" || (listStarts.has(first) && listMarker.test(content))) {
      // a container that starts after a blank line and ends at one: a page of its own
      if (!afterBlank || depth >= maxDepth) return false;
      const container = first === ">" ? quoteContent(lines, index) : listItemContent(lines, index);
      if (container === undefined || !scanDocument(page, container.lines, depth + 1)) return false;
      index = container.end;
      continue;
    }
    // anything else starts or continues a paragraph
    index++;
    afterBlank = false;
  }
  return true;
}

/** The index of the line closing the fence opened at `open`, or undefined when unclosed or unclear. */
function closingLine(lines: Line[], open: number, fence: string, info: string): number | undefined {
  // a backtick fence's info string cannot hold a backtick: that line is a paragraph
  if (fence[0] === "`" && info.includes("`")) return undefined;
  const char = fence[0]!;
  for (let index = open + 1; index < lines.length; index++) {
    const content = lines[index]!.content;
    // most lines of a block start with neither the fence's character nor indentation
    const lead = content[0];
    if (lead !== char && lead !== " " && lead !== "\t") continue;
    const trimmed = content.trimStart();
    if (!trimmed.startsWith(char.repeat(fence.length)) || content.length - trimmed.length > 3) continue;
    const rest = trimmed.replace(char === "`" ? /^`+/ : /^~+/, "");
    if (!isBlank(rest)) continue;
    // closes it for CommonMark: take only the plainest form, at column 0 with spaces after
    if (content !== trimmed || rest.includes("\t")) return undefined;
    return index;
  }
  return undefined;
}

function fenceNode(lines: Line[], open: number, close: number): ScannedNode {
  const opening = lines[open]!;
  const closing = lines[close]!;
  const closeEnd = closing.start + closing.content.length;
  return {
    type: "fence",
    start: { line: opening.number, column: opening.start - opening.lineStart + 1, offset: opening.start },
    end: { line: closing.number, column: closeEnd - closing.lineStart + 1, offset: closeEnd },
  };
}

/** The text that `mdast-util-to-string` gives for an ATX heading line, or undefined when unsure. */
function readHeading(page: Page, content: string, level: number, rest: string): string | undefined {
  if (!inlineMarkup.test(content)) {
    // an optional closing sequence: `#`s after a space, followed by spaces only
    return rest.replace(/(?:^| +)#+ *$/, "").replace(/^ +| +$/g, "");
  }
  // a reference definition elsewhere on the page could turn `[x]` into a link
  if (content.includes("[") && page.mayDefine) return undefined;
  const heading = lineParser.parse(content).children[0];
  return heading?.type === "heading" && heading.depth === level ? toString(heading as Heading) : undefined;
}

/** The index after an html block (or a paragraph starting with `<`) that ends at a blank line. */
function htmlEnd(lines: Line[], start: number): number | undefined {
  let index = start + 1;
  for (; index < lines.length && !isBlank(lines[index]!.content); index++) {
    // html or paragraph text either way, unless it could start a block that outlives the blank line
    const trimmed = lines[index]!.content.replace(/^[ \t]+/, "");
    if (/^(?:`{3,}|~{3,}|#|>)/.test(trimmed) || listMarker.test(trimmed) || ruleLike.test(trimmed) || markerHtml.test(trimmed)) {
      return undefined;
    }
  }
  return index;
}

interface Container {
  lines: Line[];
  /** the index of the first line after the container */
  end: number;
}

/** A block quote's lines up to the next blank line, every one with its own `>`. */
function quoteContent(lines: Line[], start: number): Container | undefined {
  const inner: Line[] = [];
  let index = start;
  for (; index < lines.length && !isBlank(lines[index]!.content); index++) {
    const line = lines[index]!;
    // a line without `>` would be a lazy continuation or end the quote: which one depends
    if (line.content[0] !== ">" || line.content[1] === "\t") return undefined;
    const prefix = line.content[1] === " " ? 2 : 1;
    inner.push({ ...line, start: line.start + prefix, content: line.content.slice(prefix) });
  }
  return { lines: inner, end: index };
}

/** A list item's lines: its first line, then blank lines and lines indented past its marker. */
function listItemContent(lines: Line[], start: number): Container | undefined {
  const first = lines[start]!;
  const marker = simpleListItem.exec(first.content);
  if (marker === null) return undefined;
  const width = marker[0].length;
  const inner: Line[] = [{ ...first, start: first.start + width, content: first.content.slice(width) }];
  let index = start + 1;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (isBlank(line.content)) {
      inner.push({ ...line, content: "" });
      continue;
    }
    const indent = /^ */.exec(line.content)![0].length;
    if (indent >= width) {
      inner.push({ ...line, start: line.start + width, content: line.content.slice(width) });
      continue;
    }
    // a line at column 0 after a blank line ends the item; anything else might be lazy
    if (indent > 0 || line.content[0] === "\t" || !isBlank(lines[index - 1]!.content)) return undefined;
    break;
  }
  return { lines: inner, end: index };
}
