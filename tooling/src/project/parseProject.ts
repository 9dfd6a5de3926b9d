import type { ResolvedConfig } from "../config/loadConfig.ts";
import { findExamples } from "../find/findExamples.ts";
import type { Project } from "../records/Project.ts";
import type { SourceText } from "../records/SourceText.ts";
import { findKeyedBlocks } from "../splice/findKeyedBlocks.ts";
import type { PageText } from "./readPages.ts";

/**
 * A project from texts already read: finds the examples of the example files and the keyed
 * blocks of the pages. Pure; `openProject` reads the texts and calls it.
 */
export function parseProject(config: ResolvedConfig, sources: readonly SourceText[], pages?: readonly PageText[]): Project {
  const found = findExamples(sources);
  const project: Project = { config, sources: [...sources], examples: found.examples, problems: found.problems, parsed: found.sourceFiles };
  if (pages) project.pages = pages.map((page) => ({ ...page, found: findKeyedBlocks(page.text, page.file) }));
  return project;
}
