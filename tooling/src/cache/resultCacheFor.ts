import type { ResolvedConfig } from "../config/loadConfig.ts";
import type { Project } from "../records/Project.ts";
import { readRevision } from "../vitepress/readRevision.ts";
import type { Specifiers } from "./localImportGraph.ts";
import { openResultCache, type ResultCache } from "./openResultCache.ts";

/**
 * The project's result cache, unless it is turned off: by `--no-cache` (`off`), or by the
 * environment variable `EXEMPLAR_CACHE=0` (a test suite that runs the CLI on fixtures, where
 * every run must run).
 */
export function resultCacheFor(config: ResolvedConfig, project: Project, { off = false, specifiers }: { off?: boolean; specifiers?: Specifiers } = {}): ResultCache | undefined {
  if (off || cacheTurnedOff()) return undefined;
  // the commit is read only when a run has verdicts to keep
  return openResultCache(config, project, { revision: () => readRevision(config.root), ...(specifiers ? { specifiers } : {}) });
}

/** `EXEMPLAR_CACHE=0` (or `false`, `off`): no cache is read or written, the parse cache included. */
export function cacheTurnedOff(): boolean {
  return ["0", "false", "off"].includes(process.env["EXEMPLAR_CACHE"] ?? "");
}
