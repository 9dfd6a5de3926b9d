import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";

let kinds: typeof TS.SyntaxKind | undefined;

/**
 * Whether an identifier, under `parent`, names something declared elsewhere (a value, a type or
 * a namespace) rather than a property, a label or the name it declares itself. Syntax only: the
 * trees are parsed without parent links, so the caller passes the parent down. Shared by the
 * imports a block shows (`referencedNames`) and the stand-alone check (`unshownNames`), so that
 * both count the same names as used.
 */
export function isReference(identifier: TS.Identifier, parent: TS.Node): boolean {
  // by kind, with the enum read once: called for every name of every example, and each read of
  // `ts` goes through the lazy loader's proxy
  const kind = (kinds ??= ts.SyntaxKind);
  switch (parent.kind) {
    case kind.ShorthandPropertyAssignment:
      return true;
    case kind.PropertyAccessExpression:
      return (parent as TS.PropertyAccessExpression).expression === identifier;
    case kind.QualifiedName:
      return (parent as TS.QualifiedName).left === identifier;
    case kind.BindingElement:
      return (parent as TS.BindingElement).propertyName !== identifier && (parent as TS.BindingElement).name !== identifier;
    case kind.LabeledStatement:
    case kind.BreakStatement:
    case kind.ContinueStatement:
    case kind.JsxAttribute:
      return false;
    default:
      // declarations and members: `const x`, `function x`, `{ x: 1 }`, `class { x }`, `enum { x }`
      return !("name" in parent && (parent as { name?: TS.Node }).name === identifier);
  }
}
