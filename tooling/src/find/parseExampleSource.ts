import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";

/**
 * An example file parsed the way `findExamples` and `renderExampleCode` read it: without JSDoc
 * nodes (doc comments are read from their raw text) and without parent links (walks pass the
 * parent down; setting them costs a fifth of the parse). Parse a file once: `findExamples` hands
 * its parses on (`FoundExamples.sourceFiles`), and `renderExampleCode` takes one as `sourceFile`.
 */
export function parseExampleSource(file: string, text: string): TS.SourceFile {
  return ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.ES2023, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.TS);
}
