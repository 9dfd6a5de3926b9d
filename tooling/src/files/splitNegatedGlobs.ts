import { exampleIgnores } from "./exampleIgnores.ts";

/**
 * The example globs as tinyglobby takes them: those that name files (`patterns`), and what to
 * leave out of every one of them (`ignore`): the globs written with a leading `!`
 * (`!examples/setup.ts`), installed packages and type declarations.
 */
export function splitNegatedGlobs(globs: readonly string[]): { patterns: string[]; ignore: string[] } {
  return {
    patterns: globs.filter((pattern) => !pattern.startsWith("!")),
    ignore: [...exampleIgnores, ...globs.filter((pattern) => pattern.startsWith("!")).map((pattern) => pattern.slice(1))],
  };
}
