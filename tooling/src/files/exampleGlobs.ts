import path from "node:path";
import { glob } from "tinyglobby";
import type { ResolvedConfig } from "../config/loadConfig.ts";
import { globBase } from "./globBase.ts";
import { relativeTo } from "./relativeTo.ts";
import { splitNegatedGlobs } from "./splitNegatedGlobs.ts";

/** The folders the config's example globs start from (absolute): where an example file may be created. */
export function exampleFolders(config: ResolvedConfig): string[] {
  return [...new Set(splitNegatedGlobs(config.examples).patterns.map((pattern) => path.resolve(config.root, globBase(pattern))))];
}

/** Whether the config's example globs (`!` ones leaving files out) match a file (absolute path) now. */
export async function matchesExamples(config: ResolvedConfig, file: string): Promise<boolean> {
  const relative = relativeTo(config.root, file);
  const { patterns, ignore } = splitNegatedGlobs(config.examples);
  const matched = await Promise.all(patterns.map((pattern) => glob(pattern, { cwd: config.root, ignore })));
  return matched.some((found) => found.some((candidate) => candidate.split(path.sep).join("/") === relative));
}
