import { findDuplicateKeys } from "../find/findDuplicateKeys.ts";
import { findInFile } from "../find/findExamples.ts";
import type { FileFindings } from "../records/FileFindings.ts";
import type { Project } from "../records/Project.ts";
import type { SourceText } from "../records/SourceText.ts";
import { standAloneProblems } from "../standalone/standAloneProblems.ts";
import { lazySourceFiles } from "./lazySourceFiles.ts";
import type { ProjectTexts } from "./readProject.ts";

/** Findings kept from an earlier parse (see `openParseCache`): asked before a file is parsed, told after. */
export interface KnownFindings {
  /** what an earlier parse found in this file, when its text (and how it runs) is the same */
  get(source: SourceText): FileFindings | undefined;
  /** what a parse of this file found */
  set(source: SourceText, findings: FileFindings): void;
}

/**
 * A project of the example files alone: their examples and problems, and the names their shown
 * snippets lack (`standAloneProblems`), each file parsed once, and only when `known` does not
 * already know what it holds. Pure but for what `known` does.
 */
export function parseExamples({ config, sources }: Pick<ProjectTexts, "config" | "sources">, known?: KnownFindings): Project {
  const parsed = lazySourceFiles(sources);
  const commonjs = commonjsFilesOf(sources);
  const examples = [];
  const problems = [];
  const standAlone = [];
  for (const source of sources) {
    let findings = known?.get(source);
    if (findings === undefined) {
      const sourceFile = parsed.get(source.file)!;
      const found = findInFile(sourceFile);
      findings = { ...found, standAlone: standAloneProblems(found.examples, parsed, undefined, commonjs) };
      known?.set(source, findings);
    }
    examples.push(...findings.examples);
    problems.push(...findings.problems);
    standAlone.push(...findings.standAlone);
  }
  problems.push(...findDuplicateKeys(examples));
  return { config, sources: [...sources], examples, problems, standAlone, parsed };
}

/** The example files that run with CommonJS's globals (see `SourceText.commonjs`). */
export function commonjsFilesOf(sources: readonly SourceText[]): ReadonlySet<string> {
  return new Set(sources.filter((source) => source.commonjs).map((source) => source.file));
}
