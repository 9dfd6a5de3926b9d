import path from "node:path";
import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";
import type { Project } from "../records/Project.ts";
import { changedDeclarations } from "./changedDeclarations.ts";

/**
 * The keys of the examples of `after` that must run again to be as true as they were in
 * `before` (the project as it last ran): an example whose own text changed (its JSDoc
 * included), or that uses a top-level declaration of its file that changed (see
 * `changedDeclarations`); every example of a file whose imports or other top-level statements
 * changed, of a file new to the project, and of a file that imports, directly or through
 * others, an example file whose text changed. Files whose text is the same are not parsed or
 * compared: an editor's second write of the same text gives no key. Pure.
 */
export function changedExamples(before: Project, after: Project): Set<string> {
  const oldText = new Map(before.sources.map((source) => [source.file, source.text]));
  const edited = new Set<string>([...oldText.keys()].filter((file) => !after.sources.some((source) => source.file === file)));
  const whole = new Set<string>();
  const names = new Map<string, Set<string>>();
  for (const source of after.sources) {
    if (oldText.get(source.file) === source.text) continue;
    edited.add(source.file);
    const parsed = after.parsed.get(source.file);
    const changed = parsed ? changedDeclarations(before.parsed.get(source.file), parsed) : "all";
    if (changed === "all") whole.add(source.file);
    else names.set(source.file, changed);
  }
  // an importer of an edited file runs whole, and so do the importers of those
  for (let grew = edited.size > 0; grew; ) {
    grew = false;
    for (const source of after.sources) {
      if (whole.has(source.file)) continue;
      const parsed = after.parsed.get(source.file);
      if (parsed && localImports(source.file, parsed).some((file) => edited.has(file) || whole.has(file))) grew = Boolean(whole.add(source.file));
    }
  }
  return new Set(after.examples.filter((example) => whole.has(example.file) || names.get(example.file)?.has(example.name)).map((example) => example.key));
}

/** the files (relative to the root, with and without the usual extensions) a file imports by a relative path */
function localImports(file: string, sourceFile: TS.SourceFile): string[] {
  const found: string[] = [];
  for (const statement of sourceFile.statements) {
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ? statement.moduleSpecifier : undefined;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith(".")) continue;
    const target = path.posix.join(path.posix.dirname(file), specifier.text);
    const bare = target.replace(/\.[cm]?[jt]sx?$/, "");
    found.push(target, ...[".ts", ".tsx", ".mts", ".cts", "/index.ts"].map((extension) => `${bare}${extension}`));
  }
  return found;
}
