import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";
import type { Example } from "../records/Example.ts";
import { isReference } from "../splice/isReference.ts";
import { fileDeclarations } from "./fileDeclarations.ts";
import { hiddenLineStarts } from "./hiddenLineStarts.ts";
import { isDeclaredName } from "./isDeclaredName.ts";

/** A name the shown snippet uses that nothing shown declares or imports and no global provides. */
export interface UnshownName {
  name: string;
  /** offset of its first shown use in the file */
  start: number;
  /** where the file declares it: on a hidden line of the body, or outside the body */
  declared?: { start: number; where: "hidden" | "outside" };
}

/**
 * The names an example's shown snippet (its body without hidden lines, and the imports of what
 * that uses, as `renderExampleCode` makes it) uses and does not have: declared on a hidden line
 * only, declared outside the body (the file's top level, the function's parameters), or declared
 * nowhere in the file and not one of `globals`. A name is taken as declared when the shown code
 * declares it anywhere, whatever the scope; a type name that the file does not declare is taken
 * as a global type (`Record`, `NodeJS.Timeout`), which the TypeScript lib files would tell and
 * the runtime does not. Each name once, at its first shown use, in order. Syntax only.
 */
export function unshownNames(example: Example, sourceFile: TS.SourceFile, globals: ReadonlySet<string>): UnshownName[] {
  const from = example.bodyStart;
  const to = example.bodyEnd;
  const hidden = hiddenLineStarts(sourceFile, from, to);
  const lineStarts = sourceFile.getLineStarts();
  // where a name starts (past its leading trivia) is worked out only when a line is hidden or it is reported
  const isHidden = (identifier: TS.Identifier) =>
    hidden.size > 0 && hidden.has(lineStarts[sourceFile.getLineAndCharacterOfPosition(identifier.getStart(sourceFile)).line]!);
  const shownDeclared = new Set<string>();
  const hiddenDeclared = new Map<string, number>();
  const outside = new Map<string, TS.Identifier>();
  const uses: Array<{ identifier: TS.Identifier; type: boolean }> = [];

  // one walk of the example's statement, with the parent and whether it is in a type kept in
  // two variables rather than a closure per node, and the compiler's functions read once rather
  // than through the lazy loader's proxy at each node: most of the check's time is this walk
  const { SyntaxKind, forEachChild, isTypeNode } = ts;
  let parent: TS.Node = sourceFile;
  let inType = false;
  const visit = (node: TS.Node): void => {
    // `pos` is before the node's leading trivia: a cheap bound
    if (node.end <= example.start || node.pos >= to) return;
    if (node.kind === SyntaxKind.Identifier) {
      const identifier = node as TS.Identifier;
      const name = identifier.text;
      if (identifier.end <= from) {
        // the function's name, type parameters and parameters: declared, but not shown
        if (isDeclaredName(identifier, parent) && !outside.has(name)) outside.set(name, identifier);
      } else if (isDeclaredName(identifier, parent)) {
        if (!isHidden(identifier)) shownDeclared.add(name);
        else if (!hiddenDeclared.has(name)) hiddenDeclared.set(name, identifier.getStart(sourceFile));
      } else if (isReference(identifier, parent)) {
        if (!isHidden(identifier)) uses.push({ identifier, type: inType });
      }
      return;
    }
    const outerParent = parent;
    const outerInType = inType;
    parent = node;
    // `typeof x` in a type names a value
    inType = node.kind === SyntaxKind.TypeQuery ? false : inType || isTypeNode(node);
    forEachChild(node, visit);
    parent = outerParent;
    inType = outerInType;
  };
  const statement = sourceFile.statements.find((candidate) => candidate.end >= to);
  if (statement) visit(statement);

  const { imported, topLevel } = fileDeclarations(sourceFile);
  const unshown: UnshownName[] = [];
  const reported = new Set<string>();
  for (const { identifier, type } of uses) {
    const name = identifier.text;
    if (reported.has(name) || shownDeclared.has(name) || imported.has(name) || name === "arguments") continue;
    const hiddenAt = hiddenDeclared.get(name);
    const outsideAt = outside.get(name) ?? topLevel.get(name);
    if (hiddenAt === undefined && outsideAt === undefined && (type || globals.has(name))) continue;
    reported.add(name);
    unshown.push({
      name,
      start: identifier.getStart(sourceFile),
      ...(hiddenAt !== undefined ? { declared: { start: hiddenAt, where: "hidden" as const } } : {}),
      ...(hiddenAt === undefined && outsideAt !== undefined ? { declared: { start: outsideAt.getStart(sourceFile), where: "outside" as const } } : {}),
    });
  }
  return unshown;
}
