// the public face of @exemplar/tooling: re-exports only
export { checkProject, type CheckOptions, type CheckReport } from "./checkProject.ts";
export { checkExample } from "./check/checkExample.ts";
export { formatLineDiff, lineDiff, type DiffLine } from "./check/lineDiff.ts";
export { matchLine, wildcard } from "./check/matchLine.ts";
export { outputLines } from "./check/outputLines.ts";
export type { Failure, Verdict } from "./check/Verdict.ts";
export { defineConfig, type ExemplarConfig } from "./config/defineConfig.ts";
export { loadConfig, resolveConfig, type ResolvedConfig } from "./config/loadConfig.ts";
export { ExemplarError, type ExemplarErrorCode } from "./errors/ExemplarError.ts";
export { formatPlace, type Example, type Expectation, type Place } from "./example.ts";
export { readExampleFiles } from "./files/readExampleFiles.ts";
export { findExamples, type FoundExamples, type SourceText } from "./find/findExamples.ts";
export { keyFilter } from "./find/keyFilter.ts";
export { formatProblem, type Problem } from "./find/Problem.ts";
export { reporters, type ReporterName } from "./report/reporters.ts";
export { formatSummary, summarize, type Summary } from "./report/summarize.ts";
export { runExamples, type RunOptions } from "./run/runExamples.ts";
export type { RunError, RunResult, RunStatus } from "./run/RunResult.ts";
