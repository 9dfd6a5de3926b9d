import type { ResolvedConfig } from "../config/loadConfig.ts";
import { preloadWorkers, closeWorkers, type StartedWorkers } from "../fast/startWorkers.ts";
import { readExampleFiles } from "../files/readExampleFiles.ts";
import type { Project } from "../records/Project.ts";
import { parseProject } from "./parseProject.ts";
import { readPages } from "./readPages.ts";

export interface OpenProjectOptions {
  /** read and parse the docs pages too (default true) */
  pages?: boolean;
  /**
   * workers started ahead of the run (`startWorkers`): they import the example files as soon
   * as these are read, while the compiler parses them. Closed here if opening fails.
   */
  workers?: StartedWorkers;
}

/**
 * Reads the project's example files (the config's globs) and docs pages, and parses each once:
 * the examples and their problems, each page's keyed blocks. Every later stage takes the
 * returned records. A glob that matches no file is an error (`EXEMPLAR_FILES_NOT_FOUND`).
 */
export async function openProject(config: ResolvedConfig, options: OpenProjectOptions = {}): Promise<Project> {
  try {
    const sources = await readExampleFiles(config.root, config.examples);
    if (options.workers) preloadWorkers(options.workers, config.root, sources);
    const pages = options.pages === false ? undefined : await readPages(config);
    return parseProject(config, sources, pages);
  } catch (error) {
    await closeWorkers(options.workers);
    throw error;
  }
}
