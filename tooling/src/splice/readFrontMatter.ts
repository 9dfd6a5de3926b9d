/** Where a page's Markdown starts: after its byte order mark and front matter. */
export interface FrontMatter {
  /** offset of the body's first character: what VitePress renders as Markdown starts here */
  bodyStart: number;
  /** the page opens front matter (`---` first) that no line closes: all of it is front matter */
  unclosed: boolean;
}

const delimiter = "---";

/**
 * Reads a page's front matter with the boundaries VitePress uses: its front-matter reader is
 * gray-matter (through `@mdit-vue/plugin-frontmatter`), whose rules are followed here to the
 * character, quirks included, so that blocks are found exactly where VitePress renders them.
 * A byte order mark is skipped first. Front matter opens with `---` as the page's first
 * characters, not followed by a fourth `-` (the rest of that line names a language); it closes
 * at the next `\n---`, wherever that line goes on (`---x` closes it, and `x` starts the body);
 * one `\r` and one `\n` after the closing `---` belong to it. Front matter never closed runs to
 * the end of the page. What lies inside is YAML, never Markdown: a fence or `<!--` in a string
 * there hides nothing.
 */
export function readFrontMatter(text: string): FrontMatter {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith(delimiter, bom) || text[bom + delimiter.length] === "-") return { bodyStart: bom, unclosed: false };
  let at = bom + delimiter.length;
  // gray-matter's `matter.language`: the rest of the opening line, kept when it names something
  // (`str.slice(0, str.search(/\r?\n/))`, which drops the last character when there is no line ending)
  const rest = text.slice(at);
  const language = rest.slice(0, rest.search(/\r?\n/));
  if (language.trim() !== "") at += language.length;
  const close = text.indexOf(`\n${delimiter}`, at);
  if (close === -1) return { bodyStart: text.length, unclosed: true };
  let bodyStart = close + 1 + delimiter.length;
  if (text[bodyStart] === "\r") bodyStart++;
  if (text[bodyStart] === "\n") bodyStart++;
  return { bodyStart, unclosed: false };
}
