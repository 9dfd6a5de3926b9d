import { existsSync } from "node:fs";
import path from "node:path";
import type { ResolvedConfig } from "../config/loadConfig.ts";
import { localImportGraph } from "../cache/localImportGraph.ts";
import { lockFileNames } from "../cache/lockFiles.ts";
import type { Example } from "../records/Example.ts";
import type { Project } from "../records/Project.ts";


/**
 * The examples a set of changed files (absolute paths) affects: those whose file, or a local
 * file it imports, directly or through others (see `localImportGraph`), changed. Every example
 * when what all of them depend on changed: the config file, the setup module or a file it
 * imports, a lock file or a package.json, or when a code file was deleted (what imported it
 * can no longer be told).
 */
export function affectedExamples(config: ResolvedConfig, project: Project, changed: ReadonlySet<string>): Example[] {
  const texts = new Map(project.sources.map((source) => [path.join(config.root, source.file), source.text]));
  const known = new Map<string, string[]>();
  // a local file deleted may have been imported: what imported it no longer says so
  const deletedCode = [...changed].some((file) => /\.[cm]?[jt]sx?$/.test(file) && !existsSync(file));
  const shared = deletedCode || [...changed].some((file) => lockFileNames.has(path.basename(file)) || path.basename(file) === "package.json" || file === config.configFile) ||
    (config.setup !== undefined && localImportGraph(config.setup, texts, known).some(({ file }) => changed.has(file)));
  if (shared) return project.examples;
  const affected = new Map<string, boolean>();
  return project.examples.filter((example) => {
    let yes = affected.get(example.file);
    if (yes === undefined) {
      yes = localImportGraph(path.join(config.root, example.file), texts, known).some(({ file }) => changed.has(file));
      affected.set(example.file, yes);
    }
    return yes;
  });
}
