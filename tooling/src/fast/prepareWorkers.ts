// Speed: the files a run needs, handed to its workers as JavaScript the CLI made from the trees
// it parsed (see blankTypes.ts). Why and proven by: see blankTypes.ts.
import path from "node:path";
import type * as TS from "typescript";
import type { CompiledFile } from "../records/CompiledFile.ts";
import type { Example } from "../records/Example.ts";
import { inlineCheckedFiles } from "../run/inlineCheckedFiles.ts";
import { blankTypes, type CompileFacts } from "./blankTypes.ts";
import { compileFactsFor } from "./compileFactsFor.ts";
import type { StartedWorkers } from "./startWorkers.ts";

/**
 * Makes the JavaScript of the files `examples` live in from their trees (`parsed`, by file
 * relative to `root`), hands it to every started worker, and keeps it in `started.compiled` for
 * the workers the run starts later. A file that blanking cannot make (see `blankTypes`) is
 * compiled by the worker assigned to it, as before. A file whose examples check values with
 * `//=>` is handed over instrumented (see inlineCheckedFiles): its JavaScript, or else its
 * TypeScript for the worker's loader to compile.
 */
export async function prepareWorkers(started: StartedWorkers, root: string, examples: readonly Example[], parsed: ReadonlyMap<string, TS.SourceFile>): Promise<void> {
  const { blankSourceFile } = await import("ts-blank-space");
  const facts = new Map<string, CompileFacts>();
  const compiled: CompiledFile[] = [];
  const toCompile = new Map<number, string[]>();
  const checked = new Set(examples.flatMap((example) => (example.inlineResults ? [example.file] : [])));
  const blanked = new Map<string, string>();
  for (const file of new Set(examples.map((example) => example.file))) {
    const sourceFile = parsed.get(file);
    const absolute = path.resolve(root, file);
    const code = sourceFile && blankTypes(sourceFile, blankSourceFile, compileFactsFor(path.dirname(absolute), facts));
    if (sourceFile && checked.has(file)) {
      if (code !== undefined) blanked.set(file, code);
      continue;
    }
    if (sourceFile && code !== undefined) {
      compiled.push({ file: absolute, code });
      continue;
    }
    const index = started.assignment.get(file) ?? 0;
    toCompile.set(index, [...(toCompile.get(index) ?? []), absolute]);
  }
  compiled.push(...inlineCheckedFiles(root, examples, parsed, blanked));
  started.compiled = compiled;
  started.workers.forEach((worker, index) => {
    worker.prepare({ type: "compiled", files: compiled });
    worker.prepare({ type: "warm", files: toCompile.get(index) ?? [] });
  });
}
