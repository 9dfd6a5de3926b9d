/** One line of a JSDoc block with its leading ` * ` removed. */
export interface DocLine {
  text: string;
  /** 1-based line in the file */
  line: number;
}

export interface DocTag {
  /** the tag name without `@` */
  name: string;
  /** the rest of the tag's own line, trimmed */
  value: string;
  line: number;
  /** 1-based column of the `@` */
  column: number;
  /** the lines after the tag line up to the next tag or the end of the comment */
  body: DocLine[];
  /** what precedes the text on the tag's line in the file (for example ` * `), reused when rewriting */
  prefix: string;
}

export interface DocComment {
  description: string;
  tags: DocTag[];
}

const tagLine = /^@([A-Za-z][\w-]*)(?:\s+(.*))?$/;

/**
 * Splits the raw text of a `/** ... *\/` comment into its description and tags, keeping each
 * line's exact text (indentation included) and its line number. A line starting with `@` is a
 * tag, as in JSDoc; write `\@` for a literal `@` at the start of an expected line. `firstColumn`
 * is the 1-based column of the comment's `/**` in the file, for the places of tags on that line.
 */
export function parseDocComment(raw: string, firstLine: number, firstColumn = 1): DocComment {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  const description: string[] = [];
  const tags: DocTag[] = [];
  lines.forEach((rawLine, index) => {
    let text = rawLine;
    let prefixLength = 0;
    if (index === 0) {
      const opening = /^\s*\/\*\*\s?/.exec(text)!;
      prefixLength = opening[0].length;
    } else {
      const star = /^\s*\*(?!\/) ?/.exec(text) ?? /^\s*/.exec(text)!;
      prefixLength = star[0].length;
    }
    const prefix = text.slice(0, prefixLength);
    text = text.slice(prefixLength);
    if (index === lines.length - 1) text = text.replace(/\s*\*\/\s*$/, "");
    // a closing line that holds only `*/` carries no text
    if (index === lines.length - 1 && text === "" && index > 0) return;
    const line = firstLine + index;
    const tag = tagLine.exec(text);
    if (tag) {
      // the first line starts where the comment does, not at the start of the file's line
      const column = prefixLength + 1 + (index === 0 ? firstColumn - 1 : 0);
      tags.push({ name: tag[1]!, value: (tag[2] ?? "").trim(), line, column, body: [], prefix });
      return;
    }
    const unescaped = text.startsWith("\\@") ? text.slice(1) : text;
    const current = tags.at(-1);
    if (current) current.body.push({ text: unescaped, line });
    else description.push(unescaped);
  });
  return { description: description.join("\n").trim(), tags };
}
