import { findExamples } from "../find/findExamples.ts";
import type { Project } from "../records/Project.ts";
import type { SourceText } from "../records/SourceText.ts";
import { standAloneProblems } from "../standalone/standAloneProblems.ts";
import type { ProjectTexts } from "./readProject.ts";

/**
 * A project of the example files alone: their examples and problems, and the names their shown
 * snippets lack (`standAloneProblems`), each file parsed once. Pure.
 */
export function parseExamples({ config, sources }: Pick<ProjectTexts, "config" | "sources">): Project {
  const found = findExamples(sources);
  return {
    config,
    sources: [...sources],
    examples: found.examples,
    problems: found.problems,
    standAlone: standAloneProblems(found.examples, found.sourceFiles, undefined, commonjsFilesOf(sources)),
    parsed: found.sourceFiles,
  };
}

/** The example files that run with CommonJS's globals (see `SourceText.commonjs`). */
export function commonjsFilesOf(sources: readonly SourceText[]): ReadonlySet<string> {
  return new Set(sources.filter((source) => source.commonjs).map((source) => source.file));
}
