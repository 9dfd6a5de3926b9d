import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";

/**
 * Syntax errors by file name: the parser's own diagnostics. For TypeScript files a program hands
 * out exactly the list the parser keeps on the file (`parseDiagnostics`, not in the public
 * types), which is read directly when there, saving a program per run.
 */
export function syntaxErrors(sourceFiles: readonly TS.SourceFile[]): Map<string, readonly TS.Diagnostic[]> {
  const kept = sourceFiles.map((sourceFile) => (sourceFile as { parseDiagnostics?: readonly TS.Diagnostic[] }).parseDiagnostics);
  if (kept.every((diagnostics) => Array.isArray(diagnostics))) {
    return new Map(sourceFiles.map((sourceFile, index) => [sourceFile.fileName, kept[index]!]));
  }
  return programSyntaxErrors(sourceFiles);
}

/** Syntax errors by file name, as one program over all files hands them out. */
export function programSyntaxErrors(sourceFiles: readonly TS.SourceFile[]): Map<string, readonly TS.Diagnostic[]> {
  const byName = new Map(sourceFiles.map((sourceFile) => [sourceFile.fileName, sourceFile]));
  // no import is resolved and no lib file is loaded: only the files given are parsed, once
  const host: TS.CompilerHost = {
    getSourceFile: (name) => byName.get(name),
    getDefaultLibFileName: () => "lib.d.ts",
    writeFile: () => {},
    getCurrentDirectory: () => "",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => byName.has(name),
    readFile: () => undefined,
  };
  const program = ts.createProgram({ rootNames: [...byName.keys()], options: { noResolve: true, noLib: true, types: [] }, host });
  return new Map(sourceFiles.map((sourceFile) => [sourceFile.fileName, program.getSyntacticDiagnostics(sourceFile)]));
}
