import { existsSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../../config/loadConfig.ts";
import { ExemplarError } from "../../errors/ExemplarError.ts";
import { closeWorkers, startWorkers } from "../../fast/startWorkers.ts";
import { writeFileAtomic } from "../../files/writeFileAtomic.ts";
import { checkDocsLazily } from "../../fast/checkDocsLazily.ts";
import { nearestKeys } from "../../find/nearestKeys.ts";
import { parseExamples } from "../../project/parseExamples.ts";
import { readProject } from "../../project/readProject.ts";
import { checkReport } from "../../report/checkReport.ts";
import { reportPretty } from "../../report/reportPretty.ts";
import { reporters, type ReporterName } from "../../report/reporters.ts";
import { formatSummary, summarize } from "../../report/summarize.ts";
import { cacheTurnedOff, resultCacheFor } from "../../cache/resultCacheFor.ts";
import { openParseCache } from "../../fast/openParseCache.ts";
import { parseShard, shardExamples } from "../../run/shardExamples.ts";
import { readDurations } from "../../merge/readDurations.ts";
import { affectedExamples } from "../../project/affectedExamples.ts";
import { changedFiles } from "../../project/changedFiles.ts";
import { watchExamples } from "../watchExamples.ts";
import { runExamples } from "../../run/runExamples.ts";
import { selectExamples, type Selection } from "../../run/selectExamples.ts";
import type { Project } from "../../records/Project.ts";
import { typecheckFiles } from "../../typecheck/typecheckFiles.ts";
import { updateExpectations } from "../../update/updateExpectations.ts";
import { relativeTo } from "../../files/relativeTo.ts";
import type { Command, CommandIo } from "../Command.ts";
import { parseFlags, positiveInteger } from "../parseFlags.ts";
import { createProgress } from "../createProgress.ts";
import { interruptOnSignal } from "../interruptOnSignal.ts";
import { reportInterrupted } from "../reportInterrupted.ts";

const help = `Usage: exemplar check [options]

Finds every @example function, runs it and checks what it printed.

Options:
  --examples GLOB     example files to search (repeatable; default from exemplar.config.ts)
  --docs DIR          the Markdown docs folder whose keyed blocks are checked too
                      (default from the config, or docs/; skipped with --filter)
  --filter KEYGLOB    only run examples whose key matches, e.g. 'registry.*'
  --changed [REF]     only run the examples that files changed since REF affect (their
                      file or a local file it imports; all of them when the config, the
                      setup, a lock file or a package.json changed; no docs checked).
                      Default REF: the merge base of HEAD and the default branch
  --shard I/N         only run shard I of N (whole files, balanced, every example in exactly
                      one shard; no docs checked): merge the shards' --json-out reports
                      with \`exemplar merge-reports\`
  --durations FILE    a JSON report whose durations balance the shards (give every shard
                      the same one, e.g. the last merged report; without it, by count)
  --jobs N            at most N worker processes (default: number of cores)
  --timeout MS        milliseconds per example unless it sets @timeout (default 5000)
  --reporter NAME     pretty | json | github | junit (default pretty)
  --out FILE          write the report to FILE and print only the summary
  --json-out FILE     also write the JSON report to FILE, whatever --reporter prints
                      (CI: --reporter github for annotations, JSON for a summary comment)
  --update            rewrite failing @expect blocks with the actual output
  --typecheck         type-check the example files too
  --strict            a shown snippet that uses a name nothing shown declares, imports
                      or provides as a global is a problem (nothing runs, exit 2)
                      rather than a warning
  --config FILE       config file (default ./exemplar.config.ts, optional)
  --verbose           list passing and skipped examples, and where the docs show each
  --watch             after the run, re-run the examples each save affects, one run at a
                      time, until Ctrl-C
  --no-cache          run every example, even those whose inputs are as they were when
                      they last passed (kept in .exemplar-cache/; EXEMPLAR_CACHE=0 too)
  -h, --help          show this help

Exit codes: 0 all passed, 1 some example failed, 2 usage or configuration error.
`;

/**
 * With `--strict` (a `selection`), the stand-alone problems of the selected examples are
 * problems like a syntax error: nothing runs, and the check exits 2. Otherwise they are warnings.
 */
function strictly(project: Project, selection: Selection | undefined): Project {
  if (selection === undefined || project.standAlone.length === 0) return project;
  const keys = new Set(selectExamples(project, selection).map((example) => example.key));
  const selected = project.standAlone.filter((problem) => keys.has(problem.key));
  return { ...project, problems: [...project.problems, ...selected], standAlone: [] };
}

/** `exemplar check`: find, run and check the examples, then report. */
export const checkCommand: Command = {
  name: "check",
  help,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { changed, rest } = takeChanged(argv);
    const { values, positionals } = parseFlags("check", rest, {
      examples: { type: "string", multiple: true },
      docs: { type: "string" },
      filter: { type: "string" },
      shard: { type: "string" },
      durations: { type: "string" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      reporter: { type: "string" },
      out: { type: "string" },
      "json-out": { type: "string" },
      update: { type: "boolean" },
      typecheck: { type: "boolean" },
      strict: { type: "boolean" },
      config: { type: "string" },
      verbose: { type: "boolean" },
      "no-cache": { type: "boolean" },
      watch: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    if (positionals.length > 0) {
      throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: unexpected argument \`${positionals[0]}\`; pass files with --examples GLOB`);
    }
    const reporterName = (values.reporter ?? "pretty") as ReporterName;
    if (!(reporterName in reporters)) {
      throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: unknown reporter \`${values.reporter}\`; expected one of ${Object.keys(reporters).join(", ")}`);
    }
    const config = await loadConfig(io.cwd, values.config);
    if (values.examples) config.examples = values.examples;
    if (values.docs) config.docs = path.resolve(io.cwd, values.docs);
    config.jobs = positiveInteger("check", "jobs", values.jobs) ?? config.jobs;
    config.timeout = positiveInteger("check", "timeout", values.timeout) ?? config.timeout;

    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    if (typeof shard === "string") throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: ${shard}`);
    const durations = values.durations === undefined ? new Map<string, number>() : await readDurations(path.resolve(io.cwd, values.durations));
    // a filtered or sharded run checks no docs: their blocks show examples that did not run
    let selection: Selection = values.filter === undefined ? {} : { filter: values.filter };
    const partial = values.filter !== undefined || shard !== undefined || changed !== undefined;
    if (!partial && values.docs && !existsSync(config.docs)) {
      throw new ExemplarError("EXEMPLAR_DOCS_NOT_FOUND", `exemplar check: docs folder not found: ${config.docs} (from --docs)`);
    }
    const started = performance.now();
    const since = (from: number) => Math.round(performance.now() - from);
    // workers boot while the project is parsed; in a full run they import its files meanwhile
    const texts = await readProject(config, { pages: !partial });
    // from the first worker's fork to the end of the run, SIGINT and SIGTERM end the workers
    // and the report still shows what finished
    const interrupt = interruptOnSignal();
    const parseCache = values["no-cache"] || cacheTurnedOff() ? undefined : openParseCache(config.root);
    // the files the parse cache does not know are parsed, and most likely run: workers boot and
    // import them meanwhile; when it knows every file, workers start only if something runs
    const unknown = parseCache ? texts.sources.filter((source) => !parseCache.knows(source)) : texts.sources;
    const workers = unknown.length > 0 ? startWorkers(config.root, values.filter !== undefined ? 1 : config.jobs, partial ? [] : unknown) : undefined;
    const project = strictly(parseExamples(texts, parseCache), values.strict ? selection : undefined);
    if (values.filter !== undefined && project.problems.length === 0 && selectExamples(project, selection).length === 0) {
      await closeWorkers(workers);
      interrupt.remove();
      const nearest = nearestKeys(values.filter, project.examples.map((example) => example.key));
      throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: --filter \`${values.filter}\` matches no example key${nearest.length > 0 ? `; the nearest: ${nearest.join(", ")}` : ": there are no examples"}`);
    }
    if (changed !== undefined) {
      const since = await changedFiles(config.root, changed.ref);
      const affected = new Set(affectedExamples(config, project, since.files).map((example) => example.key));
      selection = { ...selection, keys: selectExamples(project, selection).filter((example) => affected.has(example.key)).map((example) => example.key) };
      io.stderr(`exemplar: --changed since ${since.since.slice(0, 12)}: ${affected.size} of ${project.examples.length} examples affected\n`);
    }
    if (shard) selection = { ...selection, keys: shardExamples(selectExamples(project, selection), shard, durations).map((example) => example.key) };
    const timings: Record<string, number> = { open: since(started) };
    const progress = createProgress(io);
    const runStarted = performance.now();
    const finished = new Set<string>();
    // --update rewrites what failed: a cached verdict passed, and needs no rewrite
    const cache = project.problems.length === 0 ? resultCacheFor(config, project, { off: values["no-cache"] ?? false, ...(parseCache ? { specifiers: parseCache.specifiers } : {}) }) : undefined;
    const run = await runExamples(project, selection, {
      ...(workers ? { workers } : {}),
      ...(cache ? { cache } : {}),
      signal: interrupt.abort,
      onResult: (result, done, total) => {
        if (!interrupt.signal) finished.add(result.key);
        progress.update(done, total);
      },
    }).finally(() => interrupt.remove());
    progress.done();
    await parseCache?.save();
    if (interrupt.signal) {
      // an interrupted run writes no file and checks no docs: it reports what finished
      const { text, line } = reportInterrupted(project, run, finished, interrupt.signal, { reporter: reporterName, root: config.root, verbose: values.verbose ?? false });
      io.stdout(text);
      (reporterName === "pretty" ? io.stdout : io.stderr)(`${line}\n`);
      return interrupt.exitCode;
    }
    timings.run = since(runStarted);
    const typeErrors = values.typecheck && run.ran ? typecheckFiles(config.root, [...new Set(run.examples.map((example) => example.file))]) : [];
    const updates = values.update ? await updateExpectations(project, run) : undefined;
    // the docs' keyed blocks are checked against this run
    const docs = !partial && run.ran && texts.pages ? await checkDocsLazily(project, texts.pages, run.verdicts) : undefined;
    const report = checkReport(project, run, {
      typeErrors, timings, durationMs: since(started), ...(docs ? { docs } : {}), ...(updates ? { updates } : {}),
      ...(!partial && !texts.pages ? { noDocs: relativeTo(config.root, config.docs) || "." } : {}),
    });
    const text = reporterName === "pretty"
      ? reportPretty(report, { root: config.root, verbose: values.verbose ?? false })
      : reporters[reporterName](report, config.root);
    if (values["json-out"]) await writeFileAtomic(path.resolve(io.cwd, values["json-out"]), reporters.json(report, config.root));
    if (values.out) {
      await writeFileAtomic(path.resolve(io.cwd, values.out), text);
      io.stdout(report.problems.length > 0 ? `Found ${report.problems.length} problems in the example files; see ${values.out}\n` : `${formatSummary(summarize(report))}\n`);
    } else {
      io.stdout(text);
    }
    if (values.watch) return watchExamples(config, io, { verbose: values.verbose ?? false });
    if (report.problems.length > 0) return 2;
    // with --update, a failure whose @expect was rewritten with what the example printed is fixed
    const rewritten = new Set(report.updated.map((update) => update.key));
    const failed = report.typeErrors.length > 0 || (report.docs?.errors.length ?? 0) > 0 || report.verdicts.some((verdict) => verdict.status === "failed" && !rewritten.has(verdict.example.key));
    return failed ? 1 : 0;
  },
};

/** `--changed [REF]` (or `--changed=REF`) taken out of the arguments: parseArgs has no option whose value may be left out */
function takeChanged(argv: readonly string[]): { changed?: { ref?: string }; rest: string[] } {
  const rest: string[] = [];
  let changed: { ref?: string } | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg.startsWith("--changed=")) changed = { ref: arg.slice("--changed=".length) };
    else if (arg === "--changed") {
      const next = argv[index + 1];
      changed = next !== undefined && !next.startsWith("-") ? { ref: next } : {};
      if (changed.ref !== undefined) index++;
    } else rest.push(arg);
  }
  return changed ? { changed, rest } : { rest };
}
