import type { FenceState } from "./FenceState.ts";

// the last line of a spliced page: an HTML comment, so that a renderer without the exemplar
// rule shows nothing of it; `<` and `>` are escaped in the JSON, which then cannot end the
// comment nor start one
const marker = "<!-- exemplar-fences ";
const end = " -->\n";

/** The states of a page's keyed blocks, by their word (`example=KEY`, `example-output=KEY`). */
export type FenceStates = Record<string, FenceState>;

/**
 * Appends the states of a spliced page's keyed blocks to its text, as one last line (after a line break, added when the text does not end with one). VitePress
 * caches a rendered page by its text: carried in it, the marks and error boxes are part of
 * what it caches, and a page is never shown with the marks of another run. Pure.
 */
export function embedFenceStates(text: string, states: FenceStates): string {
  const json = JSON.stringify(states).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
  return `${text}${text.endsWith("\n") || text === "" ? "" : "\n"}${marker}${json}${end}`;
}

/**
 * Takes the states `embedFenceStates` appended off a page's text: the text as it was spliced,
 * and the states (undefined for a text that carries none, such as a page VitePress rendered
 * from its file without splicing it). Pure.
 */
export function takeFenceStates(src: string): { src: string; states: FenceStates | undefined } {
  const start = src.lastIndexOf(`\n${marker}`) + 1 || (src.startsWith(marker) ? 0 : -1);
  if (start < 0 || !src.endsWith(end) || src.indexOf("\n", start) !== src.length - 1) return { src, states: undefined };
  try {
    return { src: src.slice(0, start), states: JSON.parse(src.slice(start + marker.length, -end.length)) as FenceStates };
  } catch {
    return { src, states: undefined };
  }
}
