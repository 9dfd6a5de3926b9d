import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";

let declarationKinds: ReadonlySet<TS.SyntaxKind> | undefined;

/**
 * Whether an identifier, under `parent`, is the name a declaration brings into a scope: `const
 * x`, `{ x } =`, `function x`, `(x) =>`, `class X`, `type X`, `<X>`, `catch (x)`, `import { x }`.
 * Property, member and label names bind nothing in a scope and are not. Syntax only, as in
 * `isReference`: the parent is passed down.
 */
export function isDeclaredName(identifier: TS.Identifier, parent: TS.Node): boolean {
  // made on first use: reading `ts` when this module loads would load the compiler with the CLI
  declarationKinds ??= new Set([
    ts.SyntaxKind.VariableDeclaration,
    ts.SyntaxKind.BindingElement,
    ts.SyntaxKind.Parameter,
    ts.SyntaxKind.FunctionDeclaration,
    ts.SyntaxKind.FunctionExpression,
    ts.SyntaxKind.ClassDeclaration,
    ts.SyntaxKind.ClassExpression,
    ts.SyntaxKind.InterfaceDeclaration,
    ts.SyntaxKind.TypeAliasDeclaration,
    ts.SyntaxKind.EnumDeclaration,
    ts.SyntaxKind.ModuleDeclaration,
    ts.SyntaxKind.TypeParameter,
    ts.SyntaxKind.ImportClause,
    ts.SyntaxKind.NamespaceImport,
    ts.SyntaxKind.ImportSpecifier,
    ts.SyntaxKind.ImportEqualsDeclaration,
  ]);
  return declarationKinds.has(parent.kind) && (parent as TS.Node & { name?: TS.Node }).name === identifier;
}
