import type { KeyedBlock } from "../records/KeyedBlock.ts";

/**
 * What a keyed block of `page` shows now, as the text that would fill it so: its lines without
 * the block's content prefix (`> ` in a quote, a list item's indentation), each ending in `\n`;
 * `""` for an empty block. Undefined when a line lacks the prefix: no splice wrote it, and what
 * it renders as is not worth guessing. Pure.
 */
export function shownContent(page: string, block: KeyedBlock): string | undefined {
  const content = page.slice(block.contentStart, block.contentEnd);
  if (content === "") return "";
  const { prefix } = block;
  const bare = prefix.trimEnd();
  const lines: string[] = [];
  for (const line of content.replace(/(\r\n|\r|\n)$/, "").split(/\r\n|\r|\n/)) {
    if (line.startsWith(prefix)) lines.push(line.slice(prefix.length));
    else if (line.trimEnd() === bare) lines.push("");
    else return undefined;
  }
  return lines.map((line) => `${line}\n`).join("");
}
