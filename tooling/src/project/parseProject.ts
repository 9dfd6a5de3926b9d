import { findExamples } from "../find/findExamples.ts";
import type { Project } from "../records/Project.ts";
import { parsePages } from "./parsePages.ts";
import type { ProjectTexts } from "./readProject.ts";

/**
 * A project from its texts (`readProject`, or texts in memory): finds the examples of the
 * example files and the keyed blocks of the pages, each file parsed once. Pure.
 */
export function parseProject({ config, sources, pages }: ProjectTexts): Project {
  const found = findExamples(sources);
  const project: Project = { config, sources: [...sources], examples: found.examples, problems: found.problems, parsed: found.sourceFiles };
  if (pages) project.pages = parsePages(pages);
  return project;
}
