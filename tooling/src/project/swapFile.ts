import { findExamples } from "../find/findExamples.ts";
import type { Project } from "../records/Project.ts";
import { standAloneProblems } from "../standalone/standAloneProblems.ts";
import { commonjsFilesOf } from "./parseExamples.ts";

/**
 * The project with one example file's text replaced (`undefined`: the file is gone; a file it
 * did not have is added). The other files are not parsed again, nor their snippets checked
 * again, and the pages are kept: the dev server keeps one project and swaps a file in on each
 * save. Pure.
 */
export function swapFile(project: Project, file: string, text: string | undefined): Project {
  const others = project.sources.filter((source) => source.file !== file);
  // a file swapped in keeps what was known of it; one new to the project is checked without
  // CommonJS's globals until the project is read again
  const known = project.sources.find((source) => source.file === file)?.commonjs ? { commonjs: true as const } : {};
  const sources = text === undefined ? others : [...others, { file, text, ...known }].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const found = findExamples(sources, { parsed: project.parsed });
  const standAlone = [
    ...project.standAlone.filter((problem) => problem.file !== file),
    ...standAloneProblems(found.examples.filter((example) => example.file === file), found.sourceFiles, undefined, commonjsFilesOf(sources)),
  ];
  // in file order, as `parseExamples` gives them
  const order = new Map(sources.map((source, index) => [source.file, index]));
  standAlone.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  return { ...project, sources, examples: found.examples, problems: found.problems, standAlone, parsed: found.sourceFiles };
}
