import path from "node:path";
import type * as TS from "typescript";
import type { CompiledFile } from "../records/CompiledFile.ts";
import type { Example } from "../records/Example.ts";
import { instrumentInlineResults } from "./instrumentInlineResults.ts";

/**
 * What the workers import for the files whose `examples` check values with `//=>`: each file's
 * code with their checks instrumented (see instrumentInlineResults), made from the text it was
 * parsed from (`parsed`, by file relative to `root`). Its JavaScript when `blanked` holds it
 * (see fast/blankTypes.ts), else its TypeScript, which the worker's loader compiles as it would
 * the file. Files without checks are not listed: the workers read them as before.
 */
export function inlineCheckedFiles(root: string, examples: readonly Example[], parsed: ReadonlyMap<string, TS.SourceFile>, blanked: ReadonlyMap<string, string> = new Map()): CompiledFile[] {
  const byFile = new Map<string, Example[]>();
  for (const example of examples) if (example.inlineResults) byFile.set(example.file, [...(byFile.get(example.file) ?? []), example]);
  const compiled: CompiledFile[] = [];
  for (const [file, checked] of byFile) {
    const text = parsed.get(file)?.text;
    // no tree (a caller's own records): the file runs unchanged, and its checks never ran
    if (text === undefined) continue;
    const absolute = path.resolve(root, file);
    const results = checked.flatMap((example) => example.inlineResults!);
    const code = blanked.get(file);
    compiled.push(code === undefined
      ? { file: absolute, code: instrumentInlineResults(text, absolute, results), typescript: true }
      : { file: absolute, code: instrumentInlineResults(code, absolute, results) });
  }
  return compiled;
}
