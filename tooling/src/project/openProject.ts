import type { ResolvedConfig } from "../config/loadConfig.ts";
import type { Project } from "../records/Project.ts";
import { parseProject } from "./parseProject.ts";
import { readProject, type ReadProjectOptions } from "./readProject.ts";

/**
 * The open stage: reads the project's example files and docs pages (`readProject`) and parses
 * each once (`parseProject`): the examples and their problems, each page's keyed blocks. Every
 * later stage takes the returned records.
 */
export async function openProject(config: ResolvedConfig, options: ReadProjectOptions = {}): Promise<Project> {
  return parseProject(await readProject(config, options));
}
