import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkExample } from "./check/checkExample.ts";
import type { Verdict } from "./check/Verdict.ts";
import type { ResolvedConfig } from "./config/loadConfig.ts";
import type { Example } from "./example.ts";
import { readExampleFiles } from "./files/readExampleFiles.ts";
import { findExamples, type FoundExamples, type SourceText } from "./find/findExamples.ts";
import { keyFilter } from "./find/keyFilter.ts";
import type { Problem } from "./find/Problem.ts";
import type { DocsFindings } from "./splice/checkDocs.ts";
import type { RunResult } from "./run/RunResult.ts";
import { runExamples, startWorkers } from "./run/runExamples.ts";
import { runSetup, type ActiveSetup } from "./setup/runSetup.ts";
import { typecheckFiles } from "./typecheck/typecheckFiles.ts";
import { applyLineEdits, type LineEdit } from "./update/applyLineEdits.ts";
import { planExpectUpdate } from "./update/planExpectUpdate.ts";
import { writeFileAtomic } from "./update/writeFileAtomic.ts";

export interface CheckOptions {
  /** key glob: only the matching examples run */
  filter?: string;
  /** only the examples this returns true for run (beside `filter`), e.g. those of a changed file */
  select?: (example: Example) => boolean;
  /**
   * a setup already running (see `runSetup`), kept alive across runs by the caller (the docs
   * site's writer's loop); without it the config's setup runs for this run and is torn down
   */
  setup?: ActiveSetup;
  /**
   * the example files, when the caller has read them already (`readExampleFiles` with the
   * config's globs): they are not read again
   */
  sources?: readonly SourceText[];
  /**
   * finds the examples in the files (default `findExamples`): a caller that needs them too
   * passes one that remembers its answer, so that the files are parsed once
   */
  find?: (sources: readonly SourceText[]) => FoundExamples;
  /** rewrite failing `@expect` blocks with the actual output */
  update?: boolean;
  /** type-check the example files first */
  typecheck?: boolean;
  /** called as each example finishes */
  onResult?: (result: RunResult, done: number, total: number) => void;
}

/** The outcome of a whole run, as plain data for the reporters. */
export interface CheckReport {
  /** problems in the example files (bad tags, duplicate keys, syntax): nothing ran when there are any */
  problems: Problem[];
  /** type errors, with `typecheck` */
  typeErrors: Problem[];
  examples: Example[];
  verdicts: Verdict[];
  /** `@expect` blocks rewritten by `update`, and those that could not be */
  updated: Array<{ key: string; file: string; line: number }>;
  notUpdated: Array<{ key: string; file: string; line: number; reason: string }>;
  sources: SourceText[];
  durationMs: number;
  /** milliseconds spent in each phase: read, find, run */
  timings: Record<string, number>;
  /** the docs folder's keyed blocks checked against this run, when `exemplar check` looked */
  docs?: DocsFindings;
}

/**
 * Finds, runs and checks the examples of a project: the whole `exemplar check` without the
 * terminal. Setup runs before the first example and its teardown always runs.
 */
export async function checkProject(config: ResolvedConfig, options: CheckOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const mark = (phase: string, since: number) => (timings[phase] = Math.round(performance.now() - since));
  const sources = options.sources ? [...options.sources] : await readExampleFiles(config.root, config.examples);
  mark("read", started);
  // workers boot and import the files while the compiler parses: both take a few hundred
  // milliseconds
  const everything = options.filter === undefined && options.select === undefined;
  // only files that can hold examples are imported: a setup module or helper matched by the
  // globs must not run in a worker
  const candidates = sources.filter((source) => source.text.includes("@example"));
  // a selective run (a filter, the dev loop's one file) starts one worker early, without
  // knowing its files yet; more start if the selection needs them
  const early = everything ? Math.min(config.jobs, candidates.length) : Math.min(1, candidates.length);
  const workers = startWorkers(config.root, early, everything ? candidates : []);
  const findStarted = performance.now();
  const found = (options.find ?? findExamples)(sources);
  mark("find", findStarted);
  const report: CheckReport = {
    problems: found.problems, typeErrors: [], examples: found.examples, verdicts: [],
    updated: [], notUpdated: [], sources, durationMs: 0, timings,
  };
  if (found.problems.length > 0) {
    await Promise.all(workers.workers.map((worker) => worker.close()));
    return finish(report, started);
  }
  const matches = options.filter ? keyFilter(options.filter) : () => true;
  const selected = found.examples.filter((example) => matches(example.key) && (options.select?.(example) ?? true));
  report.examples = selected;
  if (options.typecheck) {
    const files = [...new Set(selected.map((example) => example.file))];
    report.typeErrors = typecheckFiles(config.root, files);
  }
  let setup = options.setup;
  try {
    setup ??= config.setup ? await runSetup(config.setup) : undefined;
  } catch (error) {
    await Promise.all(workers.workers.map((worker) => worker.close()));
    throw error;
  }
  const runStarted = performance.now();
  try {
    let done = 0;
    const results = await runExamples(selected, {
      root: config.root,
      jobs: config.jobs,
      timeout: config.timeout,
      env: setup?.env ?? {},
      workers,
      onResult: (result) => options.onResult?.(result, ++done, selected.length),
    });
    report.verdicts = selected.map((example, index) => checkExample(example, results[index]!));
    mark("run", runStarted);
  } finally {
    if (setup !== options.setup) await setup?.teardown();
  }
  if (options.update) await updateExpectations(config.root, report);
  return finish(report, started);
}

async function updateExpectations(root: string, report: CheckReport) {
  const byFile = new Map<string, Array<{ verdict: Verdict; edit: LineEdit }>>();
  for (const verdict of report.verdicts) {
    const { example } = verdict;
    const source = report.sources.find((candidate) => candidate.file === example.file)!;
    const plan = planExpectUpdate(verdict, source.text);
    if (plan === undefined) continue;
    if (typeof plan === "string") {
      report.notUpdated.push({ key: example.key, file: example.file, line: example.line, reason: plan });
      continue;
    }
    byFile.set(example.file, [...(byFile.get(example.file) ?? []), { verdict, edit: plan }]);
  }
  for (const [file, edits] of byFile) {
    const absolute = path.join(root, file);
    const current = await readFile(absolute, "utf8");
    const source = report.sources.find((candidate) => candidate.file === file)!;
    if (current !== source.text) {
      // the file changed while the examples ran: rewriting it would lose the writer's edit
      for (const { verdict } of edits) {
        report.notUpdated.push({ key: verdict.example.key, file, line: verdict.example.line, reason: "not updated: the file changed during the run" });
      }
      continue;
    }
    await writeFileAtomic(absolute, applyLineEdits(current, edits.map(({ edit }) => edit)));
    for (const { verdict } of edits) report.updated.push({ key: verdict.example.key, file, line: verdict.example.line });
  }
}

function finish(report: CheckReport, started: number): CheckReport {
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
