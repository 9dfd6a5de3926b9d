// Speed: the code blocks a page renders, highlighted once per text, language and attributes.
// Why: highlighting is nine tenths of rendering a page of this project's docs (running-examples:
// 50 to 65 ms of 55 to 75), and a save changes one or two blocks of a page that is rendered
// again whole; the dev server also renders every page for local search as it starts, then again
// for the browser. Proven by `npm run bench:dev-loop`; figures in BENCHMARKS.md.

/** markdown-it's `highlight` option: the HTML of one code block, or "" for markdown-it's own */
export type Highlight = (code: string, lang: string, attrs: string) => string;

/**
 * `highlight` with a memory of the last `entries` blocks it highlighted: the same text,
 * language and attributes give the HTML highlighted before. The highlighter must be a function
 * of those three alone, as VitePress's (Shiki) is.
 */
export function memoizeHighlight(highlight: Highlight, entries = 2_000): Highlight {
  const known = new Map<string, string>();
  return (code, lang, attrs) => {
    const key = `${lang}\u0000${attrs}\u0000${code}`;
    const found = known.get(key);
    if (found !== undefined) {
      // the most recently used last: the oldest is forgotten first
      known.delete(key);
      known.set(key, found);
      return found;
    }
    const html = highlight(code, lang, attrs);
    known.set(key, html);
    if (known.size > entries) known.delete(known.keys().next().value!);
    return html;
  };
}
