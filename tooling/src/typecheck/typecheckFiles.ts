import path from "node:path";
import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";
import { relativeTo } from "../files/relativeTo.ts";
import type { Problem } from "../records/Problem.ts";

/**
 * Type-checks files with the project's `tsconfig.json` (found from `root`), returning every
 * error in those files with its place.
 */
export function typecheckFiles(root: string, files: readonly string[]): Problem[] {
  const configFile = ts.findConfigFile(root, ts.sys.fileExists, "tsconfig.json");
  let options: TS.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2023, allowImportingTsExtensions: true };
  if (configFile) {
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (parsed) options = { ...parsed.options, noEmit: true };
  }
  const absolute = files.map((file) => path.resolve(root, file));
  const program = ts.createProgram(absolute, options);
  const problems: Problem[] = [];
  for (const file of absolute) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    for (const diagnostic of diagnostics) {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      problems.push({
        file: relativeTo(root, file),
        line: line + 1,
        column: character + 1,
        message: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`,
      });
    }
  }
  return problems;
}
