import { checkExample } from "../check/checkExample.ts";
import { prepareWorkers } from "../fast/prepareWorkers.ts";
import { closeWorkers, type StartedWorkers } from "../fast/startWorkers.ts";
import type { Project } from "../records/Project.ts";
import type { Run } from "../records/Run.ts";
import type { RunResult } from "../records/RunResult.ts";
import type { Verdict } from "../records/Verdict.ts";
import type { ResultCache } from "../cache/openResultCache.ts";
import { runSetup, type ActiveSetup } from "../setup/runSetup.ts";
import { inlineCheckedFiles } from "./inlineCheckedFiles.ts";
import { runInWorkers } from "./runInWorkers.ts";
import { selectExamples, type Selection } from "./selectExamples.ts";

export interface RunExamplesOptions {
  /**
   * a setup already running (see `runSetup`), kept alive across runs by the caller (the docs
   * site's writer's loop); without it the config's setup runs for this run and is torn down
   */
  setup?: ActiveSetup;
  /** workers started ahead (see `startWorkers`); closed when the run ends */
  workers?: StartedWorkers;
  /** called as each example finishes */
  onResult?: (result: RunResult, done: number, total: number) => void;
  /** ends the run early: see `RunOptions.signal` */
  signal?: AbortSignal;
  /** the keys someone waits for now, run first: see `RunOptions.urgent` */
  urgent?: () => ReadonlySet<string>;
  /**
   * the examples' last passing verdicts (see `openResultCache`): an example whose inputs are as
   * they were is not run, and keeps its verdict (marked `cached`); the run's verdicts are kept
   * for next time. When every selected example is answered, nothing starts: no setup, no worker
   */
  cache?: ResultCache;
}

/**
 * The run stage: runs the selected examples of a project in worker processes and checks what
 * each printed against its expectations. Nothing else in the pipeline runs code. A project
 * with problems runs nothing (`ran: false`). The config's setup runs before the first example
 * and its teardown always runs.
 */
export async function runExamples(project: Project, selection: Selection = {}, options: RunExamplesOptions = {}): Promise<Run> {
  const started = performance.now();
  const examples = selectExamples(project, selection);
  const finish = (run: Omit<Run, "durationMs">): Run => ({ ...run, durationMs: Math.round(performance.now() - started) });
  if (project.problems.length > 0) {
    await closeWorkers(options.workers);
    return finish({ examples, verdicts: [], ran: false });
  }
  const cached = options.cache?.lookup(examples) ?? new Map<string, Verdict>();
  const verdictsFrom = (fresh: readonly Verdict[]) => {
    const ran = new Map(fresh.map((verdict) => [verdict.example.key, verdict]));
    return examples.map((example) => cached.get(example.key) ?? ran.get(example.key)!);
  };
  if (cached.size > 0) {
    const { cache, onResult, ...others } = options;
    let told = 0;
    for (const verdict of cached.values()) onResult?.(verdict.result, ++told, examples.length);
    const rest = examples.filter((example) => !cached.has(example.key));
    if (rest.length === 0) {
      await closeWorkers(options.workers);
      return finish({ examples, verdicts: verdictsFrom([]), ran: true });
    }
    const run = await runExamples(project, { keys: new Set(rest.map((example) => example.key)) }, {
      ...others, ...(onResult ? { onResult: (result, done) => onResult(result, cached.size + done, examples.length) } : {}),
    });
    await cache!.store(run.verdicts);
    return finish({ examples, verdicts: verdictsFrom(run.verdicts), ran: true });
  }
  const { config } = project;
  // while the setup starts, the workers take in the files they will run
  if (options.workers) await prepareWorkers(options.workers, config.root, examples, project.parsed);
  // without workers started ahead, those the run starts read the files themselves, but for the
  // files with `//=>` checks, which they are handed instrumented (see inlineCheckedFiles)
  const compiled = options.workers ? [] : inlineCheckedFiles(config.root, examples, project.parsed);
  const workers = options.workers ?? (compiled.length > 0 ? { workers: [], assignment: new Map<string, number>(), compiled } : undefined);
  let setup = options.setup;
  try {
    setup ??= config.setup ? await runSetup(config.setup) : undefined;
  } catch (error) {
    await closeWorkers(options.workers);
    throw error;
  }
  try {
    let done = 0;
    const counted = new Set<string>();
    const results = await runInWorkers(examples, {
      root: config.root,
      jobs: config.jobs,
      timeout: config.timeout,
      env: setup?.env ?? {},
      ...(workers ? { workers } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.urgent ? { urgent: options.urgent } : {}),
      // an example run again (see HeldResults) is told again, and counted once
      onResult: (result) => options.onResult?.(result, counted.has(result.key) ? done : (counted.add(result.key), ++done), examples.length),
    });
    const verdicts = examples.map((example, index) => checkExample(example, results[index]!));
    await options.cache?.store(verdicts);
    return finish({ examples, verdicts, ran: true });
  } finally {
    if (setup !== options.setup) await setup?.teardown();
  }
}
