import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";
import { isReference } from "./isReference.ts";

/**
 * The names that code between `from` and `to` refers to (values and types), skipping property
 * names, labels and the names it declares. `include(position)` can leave out identifiers on
 * hidden lines. Without a type checker there is no scope analysis: a local that shadows an
 * import still counts as using it, which at worst shows one import too many.
 */
export function referencedNames(
  sourceFile: TS.SourceFile,
  from: number,
  to: number,
  include: (position: number) => boolean = () => true,
): Set<string> {
  const names = new Set<string>();
  // the parent is passed down: the tree has no parent links (see parseExampleSource)
  const visit = (node: TS.Node, parent: TS.Node): void => {
    // `pos` is before the node's leading trivia: a cheap bound, the start is worked out for names only
    if (node.end <= from || node.pos >= to) return;
    if (ts.isIdentifier(node)) {
      const start = node.getStart(sourceFile);
      if (start >= from && start < to && isReference(node, parent) && include(start)) names.add(node.text);
      return;
    }
    ts.forEachChild(node, (child) => visit(child, node));
  };
  ts.forEachChild(sourceFile, (child) => visit(child, sourceFile));
  return names;
}
