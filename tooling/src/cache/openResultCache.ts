import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ResolvedConfig } from "../config/loadConfig.ts";
import { writeFileAtomic } from "../files/writeFileAtomic.ts";
import type { Example } from "../records/Example.ts";
import type { Project } from "../records/Project.ts";
import type { Revision } from "../records/Revision.ts";
import type { RunResult } from "../records/RunResult.ts";
import type { Verdict } from "../records/Verdict.ts";
import { findLockFile } from "./lockFiles.ts";
import { localImportGraph, scanSpecifiers, type InputFile, type Specifiers } from "./localImportGraph.ts";

/** The examples' last passing verdicts, by what they depend on. */
export interface ResultCache {
  /** the folder the verdicts are kept in */
  dir: string;
  /** the verdicts kept for these examples, where every input of theirs is as it was when they passed */
  lookup(examples: readonly Example[]): Map<string, Verdict>;
  /** keeps a run's passing verdicts for next time, and forgets its failing ones */
  store(verdicts: readonly Verdict[]): Promise<void>;
}

/** What one file's entry keeps: each passing example's result. */
interface Entry {
  version: 1;
  file: string;
  results: Record<string, { result: RunResult; warnings: string[]; ranAt?: Revision }>;
}

/**
 * The result cache of a project (see `exampleInputs` in the docs: running-examples.md): an
 * example whose inputs are unchanged since it passed is not run again, and its verdict and output
 * are reused. Its inputs: the text of its file and of every local file that file imports,
 * transitively (`localImportGraph`), the lock file, Node's version, the config file and the
 * resolved config (its timeout), and the setup module with what it imports. `@noCache` examples
 * are never answered from it. Kept in `dir`, one JSON file per example file and inputs, with the
 * commit each verdict was given at when `revision` says (a cached verdict's `ranAt`).
 */
export function openResultCache(
  config: ResolvedConfig,
  project: Project,
  { dir = path.join(config.root, ".exemplar-cache", "results"), nodeVersion = process.version, revision, specifiers = scanSpecifiers }: {
    dir?: string;
    nodeVersion?: string;
    revision?: () => Promise<Revision | undefined>;
    /** what a module's imports name (see `localImportGraph`): the parse cache's, to skip the scan */
    specifiers?: Specifiers;
  } = {},
): ResultCache {
  const texts = new Map(project.sources.map((source) => [path.join(config.root, source.file), source.text]));
  const known = new Map<string, string[]>();
  const relative = (file: string) => path.relative(config.root, file).split(path.sep).join("/");
  const digest = (files: readonly InputFile[]) => files.map(({ file, text }) => `${relative(file)}\0${createHash("sha256").update(text).digest("hex")}`).sort();
  const lock = findLockFile(config.root);
  const shared = JSON.stringify([
    "exemplar-results-1", nodeVersion, config.timeout,
    lock ? digest([{ file: lock, text: readFileSync(lock, "utf8") }]) : "no lock file",
    config.configFile ? digest([{ file: config.configFile, text: readFileSync(config.configFile, "utf8") }]) : "no config file",
    config.setup ? digest(localImportGraph(config.setup, texts, known, specifiers)) : "no setup",
  ]);
  const hashes = new Map<string, string>();
  const hashOf = (file: string) => {
    let hash = hashes.get(file);
    if (hash === undefined) {
      const inputs = digest(localImportGraph(path.join(config.root, file), texts, known, specifiers));
      hash = createHash("sha256").update(shared).update(JSON.stringify(inputs)).digest("hex");
      hashes.set(file, hash);
    }
    return hash;
  };
  const entryFile = (file: string) => path.join(dir, `${hashOf(file)}.json`);
  const read = (file: string): Entry | undefined => {
    try {
      const entry = JSON.parse(readFileSync(entryFile(file), "utf8")) as Entry;
      return entry.version === 1 && entry.file === file ? entry : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    dir,
    lookup(examples) {
      const found = new Map<string, Verdict>();
      const entries = new Map<string, Entry | undefined>();
      for (const example of examples) {
        if (example.noCache || example.skip !== undefined) continue;
        if (!entries.has(example.file)) entries.set(example.file, read(example.file));
        const kept = entries.get(example.file)?.results[example.key];
        if (kept) found.set(example.key, { example, result: kept.result, status: "passed", failures: [], warnings: kept.warnings, cached: true, ...(kept.ranAt ? { ranAt: kept.ranAt } : {}) });
      }
      return found;
    },
    async store(verdicts) {
      const byFile = new Map<string, Verdict[]>();
      for (const verdict of verdicts) {
        if (verdict.cached || verdict.status === "skipped" || verdict.example.noCache) continue;
        byFile.set(verdict.example.file, [...(byFile.get(verdict.example.file) ?? []), verdict]);
      }
      // the commit the verdicts were given at, for a mark that names it (see createExemplarSite)
      const ranAt = byFile.size > 0 ? await revision?.() : undefined;
      for (const [file, fresh] of byFile) {
        const entry = read(file) ?? { version: 1, file, results: {} };
        for (const verdict of fresh) {
          if (verdict.status === "passed") entry.results[verdict.example.key] = { result: verdict.result, warnings: verdict.warnings, ...(ranAt ? { ranAt } : {}) };
          else delete entry.results[verdict.example.key];
        }
        await writeFileAtomic(entryFile(file), `${JSON.stringify(entry)}\n`);
      }
    },
  };
}
