import type * as TS from "typescript";
import type { Example } from "../records/Example.ts";
import type { StandAloneProblem } from "../records/StandAloneProblem.ts";
import { runtimeGlobals } from "./runtimeGlobals.ts";
import { unshownNames, type UnshownName } from "./unshownNames.ts";

/**
 * The stand-alone check: a page shows an example's body without its hidden lines, with the
 * imports of what it uses, and a reader copies exactly that; every name the snippet uses must
 * be declared in it, imported by it or a global (`globals`, by default this Node's; in
 * `commonjsFiles`, CommonJS's `require`, `__filename` and `__dirname` too). Returns one
 * problem per name that is not, at its first shown use, saying where the file declares it. Reads
 * the syntax trees `findExamples` made (`sourceFiles`, by file); never runs or type-checks
 * anything (see `unshownNames` for what that leaves out). Pure but for the default `globals`.
 */
export function standAloneProblems(
  examples: readonly Example[],
  sourceFiles: ReadonlyMap<string, TS.SourceFile>,
  globals: ReadonlySet<string> = runtimeGlobals(),
  commonjsFiles: ReadonlySet<string> = new Set(),
): StandAloneProblem[] {
  const problems: StandAloneProblem[] = [];
  const withCommonJs = commonjsFiles.size > 0 ? new Set([...globals, "require", "__filename", "__dirname"]) : globals;
  for (const example of examples) {
    const sourceFile = sourceFiles.get(example.file);
    if (sourceFile === undefined) continue;
    const names = commonjsFiles.has(example.file) ? withCommonJs : globals;
    for (const unshown of unshownNames(example, sourceFile, names)) problems.push(problemOf(example, sourceFile, unshown));
  }
  return problems;
}

function problemOf(example: Example, sourceFile: TS.SourceFile, { name, start, declared }: UnshownName): StandAloneProblem {
  const lineOf = (position: number) => sourceFile.getLineAndCharacterOfPosition(position).line + 1;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  const uses = `the shown snippet of \`${example.key}\` uses \`${name}\``;
  const message = declared === undefined
    ? `${uses}, which nothing shown declares or imports and which is not a global; declare or import it in shown code`
    : declared.where === "hidden"
      ? `${uses}, which only a hidden line declares (line ${lineOf(declared.start)}); show its declaration or pass it in`
      : `${uses}, which the file declares outside the example (line ${lineOf(declared.start)}), where no page shows it; declare it in the example or import it`;
  const problem: StandAloneProblem = { file: example.file, line: line + 1, column: character + 1, message, key: example.key, name };
  if (declared !== undefined) problem.declared = { file: example.file, line: lineOf(declared.start), where: declared.where };
  return problem;
}
