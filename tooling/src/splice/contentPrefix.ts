/**
 * What goes before each content line of a fenced block whose opening fence has `opening` before
 * it on its line (container markers and indentation), so that the line renders inside the block
 * exactly as written. CommonMark strips from each content line the containers' continuation
 * (`>` and an optional space per block quote, the content indent per list item), then as many
 * spaces as the opening fence is indented inside them: the opening line holds all of that, with
 * list markers where continuation lines have spaces. So list markers become spaces and a `>`
 * gets its optional space when written without one (`>```ts`: a line `>  x` would lose a space
 * of `  x`). Tabs are first expanded to their tab stops, as CommonMark reads them, so that the
 * added spaces move no tab. The closing fence's own prefix says nothing: it may be indented
 * anywhere up to 3 spaces.
 */
export function contentPrefix(opening: string): string {
  const expanded = expandTabs(opening);
  let prefix = "";
  for (let index = 0; index < expanded.length; index++) {
    const char = expanded[index]!;
    if (char === ">") prefix += expanded[index + 1] === " " ? ">" : "> ";
    // anything else is a list marker (`-`, `*`, `+`, digits and `.` or `)`): nothing else can precede a fence
    else prefix += " ";
  }
  return prefix;
}

function expandTabs(text: string): string {
  if (!text.includes("\t")) return text;
  let expanded = "";
  for (const char of text) expanded += char === "\t" ? " ".repeat(4 - (expanded.length % 4)) : char;
  return expanded;
}
