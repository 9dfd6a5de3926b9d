/** Where a page has a shape remark cannot read in bounded time, and what to tell its writer. */
export interface SlowShape {
  line: number;
  column: number;
  message: string;
}

/** Block quotes and list items nested on one line, at most; real pages nest a handful. */
export const maxNesting = 50;
/**
 * The lazy continuation lines of a page, each weighed by the lines of its paragraph before it,
 * at most: about 1,000 lazy lines in one paragraph (0.1 s), or 500 after a paragraph of 500.
 */
export const maxLazyWeight = 500_000;

// micromark, remark's parser, is not linear on these shapes: a lazy continuation line (one
// without its quote's `>` or its list item's indentation, continuing a paragraph inside them)
// costs as much as the paragraph before it (39 KB of them: 12 s), and a line nested n deep
// costs n² (50,000 `>`: 28 s; 400 nested list levels: 2.3 s). The scanner does not take such
// pages, and a parse cannot be stopped once started, so they are refused before it. These
// estimates read each line's prefix only (fences are not skipped): they may count more than
// remark would, never less.
const rule = /([-*_])[ \t]*(?:\1[ \t]*){2,}$/y;
const listMarker = /(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/y;
const tooSlow = "remark, the Markdown parser exemplar reads pages with, takes time growing with the square of";
const notChecked = "so exemplar does not read this page and cannot check its blocks (VitePress may still render it)";

/** The lazy continuation lines of the paragraph being read, and of the page so far. */
interface Lazy {
  /** the index of the paragraph's first lazy line, if it has one */
  first: number | undefined;
  count: number;
  total: number;
  weight: number;
}

/**
 * The first place in `text`, from `bodyStart` on, where remark would be slow beyond bounds:
 * a line nested more than `maxNesting` block quotes and list items deep, or a paragraph inside
 * a container continued by lazy lines past `maxLazyWeight` for the page. Undefined for every
 * other page. Linear in the text; reads line prefixes only.
 */
export function slowShape(text: string, bodyStart: number): SlowShape | undefined {
  const firstLine = text.slice(0, bodyStart).split(/\r\n|\r|\n/).length;
  const lines = text.slice(bodyStart).split(/\r\n|\r|\n/);
  // content columns of the list items open, as their lines' indentation tells
  const items: number[] = [];
  // the nesting of the last line that was not lazy, and the lines of its paragraph so far
  let openDepth = 0;
  let run = 0;
  const lazy: Lazy = { first: undefined, count: 0, total: 0, weight: 0 };
  for (let index = 0; index < lines.length; index++) {
    const prefix = readPrefix(lines[index]!, items);
    if (prefix.blank) {
      // a paragraph ends at a blank line, in a container or not
      if (lazy.weight > maxLazyWeight) return lazyShape(lazy, firstLine);
      openDepth = 0;
      run = 0;
      lazy.first = undefined;
      lazy.count = 0;
      continue;
    }
    const depth = prefix.quotes + items.length;
    if (depth > maxNesting) {
      return {
        line: firstLine + index,
        column: 1,
        message: `this line is nested ${depth} block quotes and list items deep; ${tooSlow} that depth, ${notChecked}: nest at most ${maxNesting} deep`,
      };
    }
    run++;
    if (!prefix.marker && depth < openDepth) {
      lazy.first ??= index;
      lazy.count++;
      lazy.total++;
      lazy.weight += run;
    } else {
      openDepth = depth;
    }
  }
  return lazy.weight > maxLazyWeight ? lazyShape(lazy, firstLine) : undefined;
}

/**
 * Reads the quote markers, indentation and list markers that start `line`, closing the list
 * items of `items` that its content is not indented into and opening those it starts. A line
 * with nothing after its quote markers is blank: it keeps the list items open.
 */
function readPrefix(line: string, items: number[]): { quotes: number; marker: boolean; blank: boolean } {
  let quotes = 0;
  let marker = false;
  let column = 0;
  let at = 0;
  let content = false;
  while (at < line.length) {
    const char = line[at]!;
    if (char === " " || char === "\t") {
      column += char === " " ? 1 : 4 - (column % 4);
      at++;
      continue;
    }
    if (char === ">") {
      quotes++;
      column++;
      at++;
      continue;
    }
    if (!content) {
      content = true;
      while (items.length > 0 && items.at(-1)! > column) items.pop();
      // `* * *` is a thematic break, not three list items
      rule.lastIndex = at;
      if (rule.test(line)) break;
    }
    listMarker.lastIndex = at;
    const list = listMarker.exec(line);
    if (list === null) break;
    let spaces = 0;
    while (line[at + list[0].length + spaces] === " ") spaces++;
    // content starts after 1 to 4 spaces; with more, or none, one column after the marker
    const width = list[0].length + (spaces >= 1 && spaces <= 4 ? spaces : 1);
    items.push(column + width);
    marker = true;
    column += width;
    at += width;
  }
  return { quotes, marker, blank: !content };
}

function lazyShape(lazy: Lazy, firstLine: number): SlowShape {
  const page = lazy.total > lazy.count ? `, ${lazy.total} on the page up to its end` : "";
  return {
    line: firstLine + lazy.first!,
    column: 1,
    message: `a paragraph in a block quote or list item goes on here for ${lazy.count} lines without the \`>\` or indentation of its container (lazy continuation lines${page}); ${tooSlow} such lines, ${notChecked}: put the \`>\` or indentation on each of those lines, or end the paragraph with a blank line`,
  };
}
