import { availableParallelism } from "node:os";
import path from "node:path";
import type { Example } from "../example.ts";
import type { RunResult } from "./RunResult.ts";
import { WorkerProcess } from "./WorkerProcess.ts";
import { worthStartingWorker } from "./worthStartingWorker.ts";

export interface RunOptions {
  /** the project root; example files are relative to it */
  root: string;
  /** worker processes; default: the number of cores */
  jobs?: number;
  /** milliseconds per example unless it sets `@timeout` */
  timeout: number;
  /** environment variables for the examples, on top of this process's */
  env?: Record<string, string>;
  /** workers started earlier (see `startWorkers`), so that their start-up overlaps other work */
  workers?: StartedWorkers;
  /** called as each example finishes, for progress */
  onResult?: (result: RunResult) => void;
}

/** Workers started ahead of time, each already importing the files it was given. */
export interface StartedWorkers {
  workers: WorkerProcess[];
  /** file (relative to the root) -> index of the worker importing it */
  assignment: Map<string, number>;
}

/**
 * Starts worker processes ahead of `runExamples` and has them import the example files, shared
 * out by size: booting and importing take a few hundred milliseconds, which then overlap with
 * finding the examples.
 */
export function startWorkers(root: string, count: number, files: ReadonlyArray<{ file: string; text: string }> = []): StartedWorkers {
  const workers = Array.from({ length: count }, () => createWorker(root));
  const assignment = new Map<string, number>();
  const load = workers.map(() => 0);
  const lists: string[][] = workers.map(() => []);
  for (const { file, text } of [...files].sort((a, b) => b.text.length - a.text.length)) {
    const index = load.indexOf(Math.min(...load));
    assignment.set(file, index);
    load[index]! += text.length;
    lists[index]!.push(path.resolve(root, file));
  }
  workers.forEach((worker, index) => worker.preload(lists[index]!));
  return { workers, assignment };
}

type LateEvents = Map<string, Array<{ output?: string; rejection?: RunResult["error"]; exception?: RunResult["error"] }>>;
const lateEvents = new WeakMap<WorkerProcess, LateEvents>();

function createWorker(root: string): WorkerProcess {
  const late: LateEvents = new Map();
  const worker = new WorkerProcess({
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", EXEMPLAR_WORKER: "1" },
    onLate: (message) => late.set(message.key, [...(late.get(message.key) ?? []), message]),
  });
  lateEvents.set(worker, late);
  return worker;
}

/**
 * Runs examples in parallel worker processes, sequentially inside each, so that output is
 * attributed exactly. Examples of one file go to the same worker, which imports the file once.
 * Whatever an example does (throw, hang, exit, crash), every example gets a result, in the
 * order given.
 */
export async function runExamples(examples: readonly Example[], options: RunOptions): Promise<RunResult[]> {
  const results = new Map<string, RunResult>();
  const late: LateEvents = new Map();
  const toRun: Example[] = [];
  for (const example of examples) {
    if (example.skip === undefined) toRun.push(example);
    else results.set(example.key, skipped(example.key));
  }
  const byFile = new Map<string, Example[]>();
  for (const example of toRun) byFile.set(example.file, [...(byFile.get(example.file) ?? []), example]);
  // the largest files first, so the last worker to finish is not stuck with a big one
  const groups = [...byFile.values()].sort((a, b) => b.length - a.length);
  const started = options.workers?.workers ?? [];
  const lanes = Math.max(1, Math.min(options.jobs ?? availableParallelism(), groups.length));
  // each lane first runs the files its worker imported ahead of time, then helps the others
  const queues: Example[][][] = Array.from({ length: lanes }, () => []);
  groups.forEach((group, index) => {
    const assigned = options.workers?.assignment.get(group[0]!.file);
    queues[assigned !== undefined && assigned < lanes ? assigned : index % lanes]!.push(group);
  });
  // workers started ahead of a selective run had no files to import yet: the first imports every
  // file not assigned, which it will run unless the queue turns out long enough for another worker
  const unassigned = groups.filter((group) => !options.workers?.assignment.has(group[0]!.file));
  started[0]?.preload(unassigned.map((group) => path.resolve(options.root, group[0]!.file)));
  const next = (lane: number) => {
    if (queues[lane]!.length > 0) return queues[lane]!.shift();
    const busiest = queues.reduce((most, queue) => (queue.length > most.length ? queue : most));
    return busiest.pop();
  };
  const workers = new Set<WorkerProcess>(started);
  // a lane without a worker of its own watches the first ones: the second result of the run
  // (or the end of the lanes) tells how long a warm example takes
  let secondResult!: () => void;
  const secondResultIn = new Promise<void>((resolve) => (secondResult = resolve));
  let finished = 0;
  let latestMs = 0;
  let running = Math.min(started.length, lanes);
  const queued = () => queues.reduce((sum, queue) => sum + queue.reduce((count, group) => count + group.length, 0), 0);

  const lane = async (index: number) => {
    let worker: WorkerProcess | undefined = started[index];
    if (worker === undefined && started.length > 0) {
      // workers were started ahead for a selective run, but not for this lane: it starts one
      // only if the queue is long enough to pay for it (see worthStartingWorker). It waits for
      // a worker to be ready, then for two results, or as long as a boot took: examples of
      // which none ends in that time are slow enough to share out
      const first = started[0]!;
      await first.started();
      const bootMs = first.bootMs ?? 0;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([secondResultIn, new Promise((resolve) => (timer = setTimeout(resolve, bootMs)))]);
      clearTimeout(timer);
      const load = { bootMs, queued: queued(), exampleMs: finished >= 2 ? latestMs : Number.POSITIVE_INFINITY, running };
      if (!worthStartingWorker(load)) return;
      running++;
    }
    for (let group = next(index); group; group = next(index)) {
      let pending = group.map((example) => ({
        key: example.key,
        file: path.resolve(options.root, example.file),
        name: example.name,
        timeout: example.timeout ?? options.timeout,
      }));
      while (pending.length > 0) {
        if (!worker?.alive) {
          worker = createWorker(options.root);
          workers.add(worker);
        }
        const ran = await worker.run(pending, options.env ?? {}, (result) => {
          results.set(result.key, result);
          latestMs = result.durationMs;
          if (++finished === 2) secondResult();
          options.onResult?.(result);
        });
        pending = pending.slice(ran.length);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, (_, index) => lane(index).finally(secondResult)));
  } finally {
    await Promise.all([...workers].map((worker) => worker.close()));
  }
  for (const worker of workers) {
    for (const [key, events] of lateEvents.get(worker) ?? []) late.set(key, [...(late.get(key) ?? []), ...events]);
  }
  for (const [key, events] of late) {
    const result = results.get(key);
    if (!result) continue;
    for (const event of events) {
      if (event.output !== undefined) result.lateOutput.push(event.output);
      if (event.rejection) result.unhandledRejections.push(event.rejection);
      if (event.exception) result.uncaughtExceptions.push(event.exception);
    }
  }
  return examples.map((example) => results.get(example.key)!);
}

function skipped(key: string): RunResult {
  return { key, status: "skipped", stdout: "", stderr: "", durationMs: 0, unhandledRejections: [], uncaughtExceptions: [], lateOutput: [] };
}
