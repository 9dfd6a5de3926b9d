import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";

/**
 * Calls `found` with each name the statement declares in the file's scope: its variables
 * (binding patterns too), its function, class, enum, interface, type or namespace, an import's
 * bindings. Names inside bodies and parameters are their own scopes' and are left out.
 */
export function declaredNames(statement: TS.Statement, found: (name: TS.Identifier) => void): void {
  const bind = (name: TS.Node | undefined): void => {
    if (name === undefined) return;
    if (ts.isIdentifier(name)) found(name);
    else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const element of name.elements) if (ts.isBindingElement(element)) bind(element.name);
    }
  };
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) bind(declaration.name);
  } else if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    bind(clause?.name);
    const named = clause?.namedBindings;
    if (named && ts.isNamespaceImport(named)) bind(named.name);
    else if (named) for (const element of named.elements) bind(element.name);
  } else if (
    ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement) ||
    ts.isImportEqualsDeclaration(statement)
  ) {
    bind(statement.name);
  }
}
