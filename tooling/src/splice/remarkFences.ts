import type { Code, Heading, Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Fence } from "../fast/scanSimpleFences.ts";
import { headingText } from "./headingText.ts";

/** What `findKeyedBlocks` reads of a page remark parsed: headings' text and code blocks, in order. */
export type RemarkNode = { type: "heading"; text: string } | ({ type: "code"; value: string } & Fence);

// CommonMark decides blocks before inlines, and no inline construct changes where a block starts
// or ends: the page is parsed without them. They are where micromark is quadratic (200 KB of
// `*a_ ` took minutes, of `[a](` tens of seconds); headings' text reads them again on its own.
const inlineConstructs = [
  "attention", "autolink", "characterEscape", "characterReference", "codeText",
  "hardBreakEscape", "htmlText", "labelEnd", "labelStartImage", "labelStartLink",
];
const blockParser = unified().use(remarkParse).data("micromarkExtensions", [{ disable: { null: inlineConstructs } }]);

/**
 * The headings and code blocks of `text` from `bodyStart` on (after its byte order mark and
 * front matter: VitePress renders only that part as Markdown), as remark places them, with
 * positions in the whole text. Linear in the page: see `headingText` for the headings.
 */
export function remarkFences(text: string, bodyStart: number): RemarkNode[] {
  const tree = blockParser.parse(text.slice(bodyStart));
  const labels: string[] = [];
  const found: Array<{ type: "heading"; node: Heading } | { type: "code"; node: Code }> = [];
  // in document order, without recursion: 50,000 nested block quotes are a valid page
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === "heading") found.push({ type: "heading", node });
    else if (node.type === "code") found.push({ type: "code", node });
    else if (node.type === "definition" && node.label !== undefined && node.label !== null) labels.push(node.label);
    if ("children" in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  const place = placeIn(text, bodyStart);
  const body = text.slice(bodyStart);
  return found.map((item): RemarkNode => {
    const { start, end } = item.node.position!;
    if (item.type === "code") return { type: "code", value: item.node.value, start: place(start), end: place(end) };
    const source = body.slice(start.offset, end.offset);
    return { type: "heading", text: headingText({ source, raw: toString(item.node), atx: start.line === end.line }, labels) };
  });
}

type Point = { line: number; column: number; offset?: number | undefined };

/** A point of the body, placed in the whole text: lines and offsets move; columns on the body's first line too. */
function placeIn(text: string, bodyStart: number): (point: Point) => Fence["start"] {
  let lines = 0;
  let lineStart = 0;
  for (let index = 0; index < bodyStart; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      lines++;
      lineStart = index + 1;
    }
  }
  // a byte order mark takes no column
  const firstLineColumns = bodyStart - lineStart - (lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return (point) => ({
    line: point.line + lines,
    column: point.column + (point.line === 1 ? firstLineColumns : 0),
    offset: point.offset! + bodyStart,
  });
}
