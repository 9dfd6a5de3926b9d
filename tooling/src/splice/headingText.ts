import type { Heading, Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse);
// what can make a heading's text differ from its source: inline markup, escapes, entities, line breaks
const inlineMarkup = /[`*_[\]<>!\\&\t\0\r\n]/;
/**
 * The longest heading source read with inline markup. Inline parsing is where micromark is
 * quadratic (runs of `*a_ `), so a longer heading keeps its text as written: parsing up to this
 * much costs at most a few milliseconds a heading, linear in the page whatever its headings.
 */
export const maxInlineHeading = 500;

/** A heading as the block-level parse placed it, with its content as written. */
export interface RawHeading {
  /** the heading's own characters in the page (an ATX heading's line from its `#`; a setext heading's lines) */
  source: string;
  /** its content, inline markup not read: the text between an ATX heading's `#`s, or a setext heading's lines */
  raw: string;
  /** the heading spans one line (`#`), or more (text underlined with `=` or `-`) */
  atx: boolean;
}

/**
 * The text `mdast-util-to-string` gives for a heading of a full parse, made from the block-level
 * parse's heading: its content parsed again on its own, with the page's reference definitions
 * (`labels`) when it holds a `[` (a `[x]` is a link only when the page defines `x`). A heading
 * without markup, or longer than `maxInlineHeading`, is its raw content.
 */
export function headingText(heading: RawHeading, labels: readonly string[]): string {
  if (!inlineMarkup.test(heading.raw) || heading.source.length > maxInlineHeading) return heading.raw;
  // a setext heading's lines lose their container prefixes in `raw`: underline them again
  let markdown = heading.atx ? heading.source : `${heading.raw}\n===`;
  if (labels.length > 0 && heading.raw.includes("[")) markdown += `\n\n${labels.map((label) => `[${label}]: x`).join("\n")}`;
  const first = parser.parse(markdown).children[0] as Nodes | undefined;
  return first?.type === "heading" ? toString(first as Heading) : heading.raw;
}
