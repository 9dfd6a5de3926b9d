import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";
import type { Example } from "../records/Example.ts";
import type { Problem } from "../records/Problem.ts";
import { hiddenLines } from "./hiddenLines.ts";
import { parseExampleSource } from "../find/parseExampleSource.ts";
import { referencedNames } from "./referencedNames.ts";
import { usedImports } from "./usedImports.ts";

export interface RenderOptions {
  /** the whole declaration, from `export` to its end, instead of the body */
  full?: boolean;
  /** `text` already parsed by `parseExampleSource`, so that a file's examples share one parse */
  sourceFile?: TS.SourceFile;
}

export interface RenderedCode {
  /** the code to show, lines joined by `\n`, no trailing newline */
  code: string;
  /** `// hide` markers without their partner, at their place in the example file */
  problems: Problem[];
}

interface Segment {
  text: string;
  /** offset of the line's start in the file */
  lineStart: number;
  /** whether the segment begins inside the line (the first line of a body) */
  cut: boolean;
  /** whether the line starts inside a multi-line template literal: its spaces are the string's */
  verbatim: boolean;
}

/**
 * The code a page shows for an example: the imports its body uses (only the names it uses),
 * a blank line, then the body dedented (or with `full`, the whole declaration). Lines marked
 * `// hide` or between `// hide-start` and `// hide-end` are left out, and so are imports that
 * only hidden lines use. `text` is the example file's text.
 */
export function renderExampleCode(example: Example, text: string, options: RenderOptions = {}): RenderedCode {
  const sourceFile = options.sourceFile ?? parseExampleSource(example.file, text);
  const from = options.full ? example.start : example.bodyStart;
  const to = options.full ? example.end : example.bodyEnd;
  const segments = linesBetween(sourceFile, from, to);
  const { hidden, problems } = hiddenLines(segments.map((segment) => segment.text));
  const hiddenStarts = new Set(segments.filter((_, index) => hidden[index]).map((segment) => segment.lineStart));
  const isShown = (position: number) => !hiddenStarts.has(lineStartOf(sourceFile, position));
  const imports = usedImports(sourceFile, referencedNames(sourceFile, from, to, isShown));
  const body = dedent(segments.filter((_, index) => !hidden[index]));
  return {
    code: imports.length > 0 ? `${imports.join("\n")}\n\n${body}` : body,
    problems: problems.map(({ index, message }) => ({
      file: example.file,
      line: sourceFile.getLineAndCharacterOfPosition(segments[index]!.lineStart).line + 1,
      message: `example \`${example.key}\`: ${message}`,
    })),
  };
}

/** The part of each line of the file that lies between `from` and `to`, without line endings. */
function linesBetween(sourceFile: TS.SourceFile, from: number, to: number): Segment[] {
  const starts = sourceFile.getLineStarts();
  const literals = templateRanges(sourceFile);
  const first = sourceFile.getLineAndCharacterOfPosition(from).line;
  const last = sourceFile.getLineAndCharacterOfPosition(to).line;
  const segments: Segment[] = [];
  for (let line = first; line <= last; line++) {
    const lineStart = starts[line]!;
    const lineEnd = starts[line + 1] ?? sourceFile.text.length;
    const text = sourceFile.text.slice(Math.max(lineStart, from), Math.min(lineEnd, to)).replace(/\r?\n$/, "");
    const verbatim = literals.some(([start, end]) => start < lineStart && lineStart < end);
    segments.push({ text, lineStart, cut: from > lineStart, verbatim });
  }
  return segments;
}

const templates = new WeakMap<TS.SourceFile, Array<[number, number]>>();

/**
 * Offsets of the file's template literal parts, where text is data; worked out once per parsed
 * file, which renders each of its examples twice or more (body and `full`).
 */
function templateRanges(sourceFile: TS.SourceFile): Array<[number, number]> {
  const known = templates.get(sourceFile);
  if (known !== undefined) return known;
  const ranges: Array<[number, number]> = [];
  const visit = (node: TS.Node): void => {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      ranges.push([node.getStart(sourceFile), node.getEnd()]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  templates.set(sourceFile, ranges);
  return ranges;
}

function lineStartOf(sourceFile: TS.SourceFile, position: number): number {
  return sourceFile.getLineStarts()[sourceFile.getLineAndCharacterOfPosition(position).line]!;
}

/**
 * Drops blank lines at both ends and the indentation common to the lines. A first line cut
 * inside its line (`=> call(` of an arrow) has lost its indentation, so it does not count;
 * lines inside a template literal are data, so they neither count nor change.
 */
function dedent(segments: readonly Segment[]): string {
  const lines = segments.map((segment) => ({ ...segment, text: segment.verbatim ? segment.text : segment.text.trimEnd() }));
  while (lines.length > 0 && lines[0]!.text.trim() === "") lines.shift();
  while (lines.length > 0 && lines.at(-1)!.text.trim() === "") lines.pop();
  const indents = lines
    .filter((line) => !line.cut && !line.verbatim && line.text !== "")
    .map((line) => /^[ \t]*/.exec(line.text)![0].length);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  return lines
    .map((line) => (line.verbatim ? line.text : line.cut ? line.text.trimStart() : line.text.slice(indent)))
    .join("\n");
}
