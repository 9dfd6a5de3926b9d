import type * as TS from "typescript";
import { ts } from "../typescript.ts";

/**
 * An example file parsed the way `renderExampleCode` reads it: with parent links, which telling
 * a reference from a declaration needs. Parse a file once and pass it as `sourceFile` to render
 * each of its examples.
 */
export function parseExampleSource(file: string, text: string): TS.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.ES2023, true, ts.ScriptKind.TS);
}
