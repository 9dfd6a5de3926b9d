import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { ExemplarError } from "../errors/ExemplarError.ts";
import type { SourceText } from "../records/SourceText.ts";
import { exampleIgnores } from "./exampleIgnores.ts";
import { isCommonJsFile } from "./isCommonJsFile.ts";
import { splitNegatedGlobs } from "./splitNegatedGlobs.ts";

/**
 * Reads the files matched by the globs (relative to `root`), in a stable order. A glob that
 * starts with `!` leaves out what it matches (`!examples/setup.ts`), from every other glob. A
 * glob that matches no file is an error: it is almost always a typo.
 */
export async function readExampleFiles(root: string, globs: readonly string[]): Promise<SourceText[]> {
  const files = new Set<string>();
  const { patterns, ignore } = splitNegatedGlobs(globs);
  const negated = ignore.length > exampleIgnores.length;
  if (patterns.length === 0 && negated) {
    throw new ExemplarError("EXEMPLAR_FILES_NOT_FOUND", `the example globs only leave files out (${globs.map((pattern) => `\`${pattern}\``).join(", ")}); add one that names files, such as \`examples/**/*.ts\``);
  }
  for (const pattern of patterns) {
    const matched = await glob(pattern, { cwd: root, ignore });
    if (matched.length === 0) {
      const leftOut = negated && (await glob(pattern, { cwd: root, ignore: exampleIgnores })).length > 0;
      const why = leftOut ? ` (the globs starting with \`!\` leave out every file it matches)` : "";
      throw new ExemplarError("EXEMPLAR_FILES_NOT_FOUND", `no example files match \`${pattern}\` in ${root}${why}`);
    }
    for (const file of matched) files.add(file.split(path.sep).join("/"));
  }
  const sorted = [...files].sort();
  const types = new Map<string, string | undefined>();
  return Promise.all(sorted.map(async (file): Promise<SourceText> => {
    const text = await readFile(path.join(root, file), "utf8");
    return isCommonJsFile(path.join(root, file), types) ? { file, text, commonjs: true } : { file, text };
  }));
}
