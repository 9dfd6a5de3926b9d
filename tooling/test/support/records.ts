import type { Example, Expectation } from "../../src/records/Example.ts";
import type { RunResult } from "../../src/records/RunResult.ts";

/** An example record as findExamples would give it, for tests of the later stages. */
export function exampleWith(expectations: Expectation[], fields: Partial<Example> = {}): Example {
  return {
    key: "demo.key", name: "demo", file: "examples/demo.ts", line: 10, endLine: 12,
    start: 0, end: 0, bodyStart: 0, bodyEnd: 0, async: false, description: "",
    expectations, ...fields,
  };
}

/** A run that returned after printing `stdout`, with any field overridden. */
export function resultWith(fields: Partial<RunResult> = {}): RunResult {
  return {
    key: "demo.key", status: "returned", stdout: "", stderr: "", durationMs: 7,
    unhandledRejections: [], uncaughtExceptions: [], lateOutput: [], ...fields,
  };
}

export const exact = (...lines: string[]): Expectation => ({ kind: "exact", lines, line: 3, startLine: 4, endLine: 3 + lines.length });
export const unordered = (...lines: string[]): Expectation => ({ kind: "unordered", lines, line: 3, startLine: 4, endLine: 3 + lines.length });
export const contains = (text: string): Expectation => ({ kind: "contains", text, line: 3 });
export const match = (pattern: RegExp): Expectation => ({ kind: "match", source: String(pattern), pattern, line: 3 });
export const errorText = (source: string): Expectation => ({ kind: "error", source, line: 3 });
export const errorRegex = (pattern: RegExp): Expectation => ({ kind: "error", source: String(pattern), pattern, line: 3 });
