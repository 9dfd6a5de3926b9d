import type { ResolvedConfig } from "../config/loadConfig.ts";
import { readExampleFiles } from "../files/readExampleFiles.ts";
import type { SourceText } from "../records/SourceText.ts";
import { readPages, type PageText } from "./readPages.ts";

/** A project's files as read, before anything is parsed. */
export interface ProjectTexts {
  config: ResolvedConfig;
  /** the example files matched by the config's globs, in path order */
  sources: SourceText[];
  /** the docs folder's pages; undefined when the folder does not exist or was not asked for */
  pages?: PageText[];
}

export interface ReadProjectOptions {
  /** read the docs pages too (default true) */
  pages?: boolean;
}

/**
 * Reads the project's example files (the config's globs) and docs pages. A glob that matches no
 * file is an error (`EXEMPLAR_FILES_NOT_FOUND`). `parseProject` takes what it returns.
 */
export async function readProject(config: ResolvedConfig, options: ReadProjectOptions = {}): Promise<ProjectTexts> {
  const texts: ProjectTexts = { config, sources: await readExampleFiles(config.root, config.examples) };
  const pages = options.pages === false ? undefined : await readPages(config);
  if (pages) texts.pages = pages;
  return texts;
}
