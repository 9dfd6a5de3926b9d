import type { Project } from "../records/Project.ts";
import { parseExamples } from "./parseExamples.ts";
import { parsePages } from "./parsePages.ts";
import type { ProjectTexts } from "./readProject.ts";

/**
 * A project from its texts (`readProject`, or texts in memory): finds the examples of the
 * example files (`parseExamples`) and the keyed blocks of the pages (`parsePages`), each file
 * parsed once. Pure.
 */
export function parseProject(texts: ProjectTexts): Project {
  const project = parseExamples(texts);
  return texts.pages ? { ...project, pages: parsePages(texts.pages) } : project;
}
