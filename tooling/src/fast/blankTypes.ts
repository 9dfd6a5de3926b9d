// Speed: an example file's JavaScript made in the CLI from the syntax tree it already parsed, by
// blanking the types (ts-blank-space), instead of by esbuild in each worker. Why: on a machine
// with no compiled files cached (a fresh CI machine) each worker loaded esbuild, started its
// binary and compiled its share, and each import read an inline source map; blanking keeps every
// line and column, so stacks need no map. Proven by `npm run bench:engine` (empty caches);
// figures in BENCHMARKS.md. The worker checks the file still has the text that was blanked.
import type * as TS from "typescript";
import { ts } from "./typescript.ts";
import { everyImportUsed } from "./everyImportUsed.ts";

/** ts-blank-space's `blankSourceFile`: loaded by the caller, since loading it loads the compiler. */
export type BlankSourceFile = (source: TS.SourceFile, onError?: (node: TS.Node) => void) => string;

/** What the nearest tsconfig.json tells about how esbuild would compile the file. */
export interface CompileFacts {
  /** class fields are defined, not assigned (`useDefineForClassFields`, or a target of ES2022 and later) */
  definesClassFields: boolean;
}

/**
 * The JavaScript a worker runs for `sourceFile`: its text with the types replaced by spaces, or
 * undefined when that would not run as esbuild's output does (the worker then compiles the file
 * with esbuild, as before). Undefined for what blanking cannot express (enums, namespaces,
 * parameter properties, `import =`), for what Node 20 cannot run and esbuild lowers (decorators,
 * `using`, `accessor`), for class fields esbuild would assign, and for an import whose names the
 * code never uses as values: esbuild drops those (they may be types), blanking keeps them.
 */
export function blankTypes(sourceFile: TS.SourceFile, blank: BlankSourceFile, facts: CompileFacts): string | undefined {
  if (!sourceFile.fileName.endsWith(".ts") && !sourceFile.fileName.endsWith(".mts")) return undefined;
  if (needsCompiler(sourceFile, facts)) return undefined;
  let unsupported = false;
  const code = blank(sourceFile, () => (unsupported = true));
  if (unsupported || !everyImportUsed(sourceFile, code)) return undefined;
  return code;
}

/** Whether the file holds syntax that esbuild rewrites for Node 20 or for the tsconfig. */
function needsCompiler(sourceFile: TS.SourceFile, facts: CompileFacts): boolean {
  const kind = ts.SyntaxKind;
  // `await using` is `using` and `const` together, so the flags are compared, not tested
  const { BlockScoped, Using, AwaitUsing } = ts.NodeFlags;
  const visit = (node: TS.Node): boolean => {
    switch (node.kind) {
      case kind.Decorator:
      case kind.AccessorKeyword:
        return true;
      case kind.VariableDeclarationList:
        if ((node.flags & BlockScoped) === Using || (node.flags & BlockScoped) === AwaitUsing) return true;
        break;
      case kind.PropertyDeclaration:
        if (!facts.definesClassFields) return true;
        break;
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return ts.forEachChild(sourceFile, visit) ?? false;
}
