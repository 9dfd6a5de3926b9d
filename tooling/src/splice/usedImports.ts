import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";

/**
 * The file's import declarations reduced to the bindings in `used`, in file order. A
 * declaration whose every binding is used is kept exactly as written; others are rebuilt on
 * one line with the module specifier, `type` modifiers and aliases as written. Side-effect
 * imports (`import "x"`) bind nothing and are left out.
 */
export function usedImports(sourceFile: TS.SourceFile, used: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause === undefined) continue;
    const clause = statement.importClause;
    const bindings: string[] = [];
    let all = true;
    if (clause.name) {
      if (used.has(clause.name.text)) bindings.push(clause.name.text);
      else all = false;
    }
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) {
      if (used.has(named.name.text)) bindings.push(`* as ${named.name.text}`);
      else all = false;
    } else if (named) {
      const elements = named.elements.filter((element) => used.has(element.name.text));
      if (elements.length < named.elements.length) all = false;
      if (elements.length > 0) bindings.push(`{ ${elements.map((element) => element.getText(sourceFile)).join(", ")} }`);
    }
    if (bindings.length === 0) continue;
    const written = statement.getText(sourceFile);
    if (all) {
      lines.push(written);
      continue;
    }
    const attributes = statement.attributes ? ` ${statement.attributes.getText(sourceFile)}` : "";
    const semicolon = written.endsWith(";") ? ";" : "";
    lines.push(`import ${clause.isTypeOnly ? "type " : ""}${bindings.join(", ")} from ${statement.moduleSpecifier.getText(sourceFile)}${attributes}${semicolon}`);
  }
  return lines;
}
