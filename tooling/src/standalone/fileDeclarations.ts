import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";
import { declaredNames } from "./declaredNames.ts";

/** What an example file's top level declares, which every example of the file can use. */
export interface FileDeclarations {
  /** the names its imports bind: a block shows the import of every name its snippet uses */
  imported: ReadonlySet<string>;
  /** the names its other top-level statements declare, each with the identifier of its first declaration */
  topLevel: ReadonlyMap<string, TS.Identifier>;
}

const known = new WeakMap<TS.SourceFile, FileDeclarations>();

/**
 * The names an example file's top-level statements declare: its imports apart from the rest
 * (constants, helpers, types, the example functions themselves). Worked out once per parsed
 * file, which has several examples.
 */
export function fileDeclarations(sourceFile: TS.SourceFile): FileDeclarations {
  const cached = known.get(sourceFile);
  if (cached) return cached;
  const imported = new Set<string>();
  const topLevel = new Map<string, TS.Identifier>();
  for (const statement of sourceFile.statements) {
    // `import x = require()` is not one a block shows (see usedImports)
    const shownImport = ts.isImportDeclaration(statement);
    declaredNames(statement, (name) => {
      if (shownImport) imported.add(name.text);
      else if (!topLevel.has(name.text)) topLevel.set(name.text, name);
    });
  }
  const declarations = { imported, topLevel };
  known.set(sourceFile, declarations);
  return declarations;
}
