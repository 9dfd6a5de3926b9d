import type * as TS from "typescript";
import { parseExampleSource } from "../find/parseExampleSource.ts";
import type { SourceText } from "../records/SourceText.ts";

/**
 * The syntax trees of `sources`, by file, each parsed on first use: a project whose findings all
 * came from the parse cache (`openParseCache`) never loads the compiler unless a later stage
 * (running, splicing) asks for a tree. `given` are trees already made.
 */
export function lazySourceFiles(sources: readonly SourceText[], given: ReadonlyMap<string, TS.SourceFile> = new Map()): ReadonlyMap<string, TS.SourceFile> {
  const texts = new Map(sources.map((source) => [source.file, source.text]));
  const trees = new Map(given);
  const get = (file: string): TS.SourceFile | undefined => {
    let tree = trees.get(file);
    const text = texts.get(file);
    if (tree === undefined && text !== undefined) {
      tree = parseExampleSource(file, text);
      trees.set(file, tree);
    }
    return tree;
  };
  function* entries(): MapIterator<[string, TS.SourceFile]> {
    for (const file of texts.keys()) yield [file, get(file)!];
  }
  function* keys(): MapIterator<string> {
    yield* texts.keys();
  }
  function* values(): MapIterator<TS.SourceFile> {
    for (const [, tree] of entries()) yield tree;
  }
  return {
    get,
    has: (file) => texts.has(file),
    get size() {
      return texts.size;
    },
    entries,
    keys,
    values,
    forEach(callback, thisArg) {
      for (const [file, tree] of entries()) callback.call(thisArg, tree, file, this);
    },
    [Symbol.iterator]: entries,
  };
}
