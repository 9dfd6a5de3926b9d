import type { Place } from "./Example.ts";
import type { Problem } from "./Problem.ts";

/**
 * A fenced block of a Markdown page that shows an example: `example=KEY` (its code) or
 * `example-output=KEY` (what it printed). Offsets are into the page's text, so the splicer can
 * edit the page in place without reformatting anything around the block.
 */
export interface KeyedBlock extends Place {
  /** the page, relative to the project root, with `/` separators */
  file: string;
  /** line of the opening fence */
  line: number;
  /** line of the closing fence */
  endLine: number;
  key: string;
  kind: "code" | "output";
  /** `full`: show the whole declaration instead of the body */
  full: boolean;
  /** the opening fence as written: three or more backticks or tildes */
  fence: string;
  /** the info string as written after the fence (language, `example=KEY`, highlights...) */
  info: string;
  /** offsets of the opening fence's characters */
  fenceStart: number;
  fenceEnd: number;
  /** offsets of the block's content lines: from after the opening line to the start of the closing line */
  contentStart: number;
  contentEnd: number;
  /** offsets of the closing fence's characters */
  closeStart: number;
  closeEnd: number;
  /**
   * what every content line gets in front so that it renders inside the block: the opening line's
   * containers and indentation, list markers as spaces, `> ` for each quote (`contentPrefix`)
   */
  prefix: string;
  /** the line ending of the opening line: the page's own, `\r` for a page saved with lone carriage returns */
  eol: "\n" | "\r\n" | "\r";
  /** text of the nearest heading above the block, when there is one */
  heading?: string;
}

/** What a page holds for the splicer: its keyed blocks, and what is wrong or untested. */
export interface FoundBlocks {
  blocks: KeyedBlock[];
  /** `ts`/`js` blocks with no key and no `static`: code on the site that nothing runs */
  snippets: Problem[];
  /** malformed keys and unterminated fences */
  problems: Problem[];
}

/** `example=KEY` or `example-output=KEY`: the word of the info string that names a block's example, as every message quotes it. */
export function blockWord(block: Pick<KeyedBlock, "kind" | "key">): string {
  return `${block.kind === "code" ? "example" : "example-output"}=${block.key}`;
}
