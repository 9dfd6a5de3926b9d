import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { ExemplarError } from "../errors/ExemplarError.ts";
import type { SourceText } from "../records/SourceText.ts";

/** What the example globs never match: installed packages and type declarations. */
export const exampleIgnores = ["**/node_modules/**", "**/*.d.ts"];

/**
 * Reads the files matched by the globs (relative to `root`), in a stable order. A glob that
 * matches no file is an error: it is almost always a typo.
 */
export async function readExampleFiles(root: string, globs: readonly string[]): Promise<SourceText[]> {
  const files = new Set<string>();
  for (const pattern of globs) {
    const matched = await glob(pattern, { cwd: root, ignore: exampleIgnores });
    if (matched.length === 0) {
      throw new ExemplarError("EXEMPLAR_FILES_NOT_FOUND", `no example files match \`${pattern}\` in ${root}`);
    }
    for (const file of matched) files.add(file.split(path.sep).join("/"));
  }
  const sorted = [...files].sort();
  return Promise.all(sorted.map(async (file) => ({ file, text: await readFile(path.join(root, file), "utf8") })));
}
