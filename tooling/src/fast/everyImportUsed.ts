import type * as TS from "typescript";
import { isReference } from "../splice/isReference.ts";
import { isDeclaredName } from "../standalone/isDeclaredName.ts";
import { ts } from "./typescript.ts";

/**
 * Whether every name the file imports as a value (not `import type`, not `{ type X }`) is used
 * as a value somewhere in `code`, the file with its types blanked (see `blankTypes`): esbuild
 * drops an import whose names are used as types only, and blanking keeps it, which fails at
 * link time when the module exports that name as a type only. A use counts when it survived the
 * blanking (so it is not in a type) and is a reference (not a property or a label). False too
 * when a declaration elsewhere in the file has one of those names (a use may be of that one),
 * and for `import { type A } from "x"`, which esbuild drops whole and blanking keeps as
 * `import {} from "x"`. Syntax only.
 */
export function everyImportUsed(sourceFile: TS.SourceFile, code: string): boolean {
  const imported = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause === undefined) continue;
    const clause = statement.importClause;
    if (clause.isTypeOnly) continue;
    const names: string[] = [];
    if (clause.name) names.push(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) if (!element.isTypeOnly) names.push(element.name.text);
      if (names.length === 0 && bindings.elements.length > 0) return false;
    }
    for (const name of names) imported.add(name);
  }
  if (imported.size === 0) return true;
  const used = new Set<string>();
  let shadowed = false;
  const visit = (node: TS.Node, parent: TS.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && imported.has(node.text)) {
      if (isDeclaredName(node, parent)) shadowed = true;
      else if (isReference(node, parent) && code.startsWith(node.text, node.getStart(sourceFile))) used.add(node.text);
      return;
    }
    ts.forEachChild(node, (child) => visit(child, node));
  };
  ts.forEachChild(sourceFile, (child) => visit(child, sourceFile));
  return !shadowed && used.size === imported.size;
}
