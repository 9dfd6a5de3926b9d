import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";
import { referencedNames } from "../splice/referencedNames.ts";
import { declaredNames } from "../standalone/declaredNames.ts";

/** A file's top level, split the way a save is compared. */
interface TopLevel {
  /** the text of each statement that declares no name (imports, exports, side effects), in order */
  effects: string[];
  /** per declared name, the text of the statements that declare it (overloads, merged interfaces) */
  declared: Map<string, string>;
  /** per declared name, the top-level names its statements refer to */
  uses: Map<string, Set<string>>;
}

/**
 * The top-level names of an example file whose declaration changed between two parses of it,
 * or that use (directly or through other declarations of the file) one that changed; `"all"`
 * when a statement that runs for the whole file changed: an import, an export list, a
 * top-level call. A declaration's text includes its JSDoc, so an example whose tags changed is
 * one of the names. Syntax only, as `referencedNames`: a local that shadows a top-level name
 * still counts as using it, which at worst re-runs one example too many. Pure.
 */
export function changedDeclarations(before: TS.SourceFile | undefined, after: TS.SourceFile): Set<string> | "all" {
  if (before === undefined) return "all";
  const old = topLevel(before);
  const now = topLevel(after);
  if (old.effects.length !== now.effects.length || old.effects.some((text, index) => text !== now.effects[index])) return "all";
  const changed = new Set<string>();
  for (const name of new Set([...old.declared.keys(), ...now.declared.keys()])) {
    if (old.declared.get(name) !== now.declared.get(name)) changed.add(name);
  }
  // what uses a changed name changed too, until nothing more does
  for (let grew = changed.size > 0; grew; ) {
    grew = false;
    for (const [name, uses] of now.uses) {
      if (!changed.has(name) && [...uses].some((used) => changed.has(used))) grew = Boolean(changed.add(name));
    }
  }
  return changed;
}

const known = new WeakMap<TS.SourceFile, TopLevel>();

function topLevel(sourceFile: TS.SourceFile): TopLevel {
  const cached = known.get(sourceFile);
  if (cached) return cached;
  const effects: string[] = [];
  const declared = new Map<string, string>();
  const uses = new Map<string, Set<string>>();
  for (const statement of sourceFile.statements) {
    // leading trivia included (the JSDoc), surrounding blank lines not
    const text = sourceFile.text.slice(statement.pos, statement.end).trim();
    const names: string[] = [];
    if (!ts.isImportDeclaration(statement) && !ts.isImportEqualsDeclaration(statement)) declaredNames(statement, (name) => void names.push(name.text));
    if (names.length === 0) {
      effects.push(text);
      continue;
    }
    const used = referencedNames(sourceFile, statement.pos, statement.end);
    for (const name of names) {
      declared.set(name, declared.has(name) ? `${declared.get(name)}\n${text}` : text);
      uses.set(name, new Set([...(uses.get(name) ?? []), ...used]));
    }
  }
  const parts = { effects, declared, uses };
  known.set(sourceFile, parts);
  return parts;
}
