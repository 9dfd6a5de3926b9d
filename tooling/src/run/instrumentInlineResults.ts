import type { InlineResult } from "../records/InlineResult.ts";

/**
 * Where the worker installs its recorder (see installInlineRecorder): called with the file, the
 * `//=>` comment's line, VALUE, the check's kind and the value, it returns the value.
 */
export const inlineRecorderKey = Symbol.for("exemplar.inline");

/** the function the instrumented statements call: short, so that a checked line moves little */
const recorder = "__exemplar$";

/**
 * The code a worker runs for a file whose examples check values with `//=>`: `code` (the file's
 * TypeScript, or its JavaScript with the types blanked: the offsets are the same) with each
 * recorded expression (see `InlineResult`) wrapped in a call that hands its value to the
 * worker's recorder and returns it: `parse("a.b");` runs as `__exemplar$(8,(parse("a.b")));`
 * and `console.log(x)` as `console.log(__exemplar$(9,(x)))`. Every line stays where it was (a
 * checked line's columns move right), so stacks name the source lines; the function, which
 * holds each check's VALUE, is one line added at the end. `file`: the absolute path the worker
 * imports, so that a check is told to its own file's examples only.
 */
export function instrumentInlineResults(code: string, file: string, results: readonly InlineResult[]): string {
  const edits: Array<{ at: number; text: string; rank: number }> = [];
  for (const result of results) {
    // at one offset, what closes goes before what opens; an outer call opens first and closes last
    edits.push({ at: result.start, text: `${recorder}(${result.line},(`, rank: -result.end });
    edits.push({ at: result.end, text: "))", rank: Number.MIN_SAFE_INTEGER + result.start });
  }
  edits.sort((a, b) => a.at - b.at || a.rank - b.rank);
  const parts: string[] = [];
  let from = 0;
  for (const edit of edits) {
    parts.push(code.slice(from, edit.at), edit.text);
    from = edit.at;
  }
  parts.push(code.slice(from));
  const cases = results.map((result) => `case ${result.line}: return record(${JSON.stringify(file)}, ${result.line}, ${JSON.stringify(result.expected)}, "${result.kind}", value);`);
  // a declaration, so that it exists (hoisted) whenever the file's code runs
  parts.push(`${code.endsWith("\n") ? "" : "\n"}function ${recorder}(line, value) { const record = globalThis[Symbol.for("exemplar.inline")]; if (typeof record !== "function") return value; switch (line) { ${cases.join(" ")} } return value; }\n`);
  return parts.join("");
}
