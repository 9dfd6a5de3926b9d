import { availableParallelism } from "node:os";
import path from "node:path";
import type { Example } from "../records/Example.ts";
import type { RunResult } from "../records/RunResult.ts";
import type { WorkerProcess } from "./WorkerProcess.ts";
import { createWorker, lateEventsOf, type LateEvents } from "./createWorker.ts";
import type { StartedWorkers } from "../fast/startWorkers.ts";
import { worthStartingWorker } from "../fast/worthStartingWorker.ts";

export interface RunOptions {
  /** the project root; example files are relative to it */
  root: string;
  /** worker processes; default: the number of cores */
  jobs?: number;
  /** milliseconds per example unless it sets `@timeout` */
  timeout: number;
  /** environment variables for the examples, on top of this process's */
  env?: Record<string, string>;
  /** workers started earlier (see `fast/startWorkers.ts`), so that their start-up overlaps other work */
  workers?: StartedWorkers;
  /** called as each example finishes, for progress */
  onResult?: (result: RunResult) => void;
  /**
   * the keys someone waits for now (the dev server: a page asked for during the first run);
   * a lane's next batch is a file holding one of them, whichever lane's queue it is in. Lanes
   * then take one file at a time
   */
  urgent?: () => ReadonlySet<string>;
  /**
   * ends the run early (a signal to the CLI): every worker is killed with its process group,
   * and each example not finished gets a crashed result naming the abort's reason
   */
  signal?: AbortSignal;
}

/**
 * Runs examples in parallel worker processes, sequentially inside each, so that output is
 * attributed exactly. Examples of one file go to the same worker, which imports the file once.
 * Whatever an example does (throw, hang, exit, crash), every example gets a result, in the
 * order given.
 */
export async function runInWorkers(examples: readonly Example[], options: RunOptions): Promise<RunResult[]> {
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
  // workers started ahead of a selective run had no files to compile yet: the first compiles every
  // file not assigned, which it will run unless the queue turns out long enough for another worker
  const unassigned = groups.filter((group) => !options.workers?.assignment.has(group[0]!.file));
  started[0]?.prepare({ type: "warm", files: unassigned.map((group) => path.resolve(options.root, group[0]!.file)) });
  // a lane takes half of what is left in its own queue at once (one message to the worker, and
  // no wait for the pool between files), so that the others can still take the rest; from
  // another lane's queue, one file
  const next = (lane: number): Example[] | undefined => {
    const wanted = options.urgent?.();
    if (wanted !== undefined && wanted.size > 0) {
      for (const queue of queues) {
        const at = queue.findIndex((group) => group.some((example) => wanted.has(example.key)));
        if (at >= 0) return queue.splice(at, 1)[0];
      }
    }
    const own = queues[lane]!;
    // with `urgent`, one file at a time: a batch handed out cannot make way for a file asked for
    if (own.length > 0) return own.splice(0, options.urgent ? 1 : Math.max(1, Math.floor(own.length / 2))).flat();
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
      const report = (result: RunResult) => {
        results.set(result.key, result);
        latestMs = result.durationMs;
        if (++finished === 2) secondResult();
        options.onResult?.(result);
      };
      let strict = false;
      while (pending.length > 0) {
        if (options.signal?.aborted) {
          for (const request of pending) report(interrupted(request.key, options.signal));
          break;
        }
        if (!worker?.alive) {
          worker = createWorker(options.root);
          worker.prepare({ type: "compiled", files: options.workers?.compiled ?? [] });
          workers.add(worker);
        }
        const ran = await worker.run(pending, options.env ?? {}, report, strict);
        pending = pending.slice(ran.length);
        // results a whole-process check did not confirm are run again, checked after each
        strict ||= worker.suspect;
      }
    }
  };
  const killAll = () => {
    for (const worker of workers) worker.abort();
  };
  if (options.signal?.aborted) killAll();
  options.signal?.addEventListener("abort", killAll);
  try {
    await Promise.all(Array.from({ length: lanes }, (_, index) => lane(index).finally(secondResult)));
  } finally {
    options.signal?.removeEventListener("abort", killAll);
    await Promise.all([...workers].map((worker) => worker.close()));
  }
  for (const worker of workers) {
    for (const [key, events] of lateEventsOf(worker)) {
      // what a module's own timers did belongs to the examples of its file that ran in that worker
      const owners = key.startsWith("module ") ? worker.ran.filter((request) => request.file === key.slice("module ".length)).map((request) => request.key) : [key];
      for (const owner of owners) late.set(owner, [...(late.get(owner) ?? []), ...events]);
    }
  }
  for (const [key, events] of late) {
    const result = results.get(key);
    if (!result) continue;
    for (const event of events) {
      if (event.output !== undefined) result.lateOutput.push(event.output);
      if (event.truncatedBytes) result.lateOutputTruncatedBytes = (result.lateOutputTruncatedBytes ?? 0) + event.truncatedBytes;
      if (event.rejection) result.unhandledRejections.push(event.rejection);
      if (event.exception) result.uncaughtExceptions.push(event.exception);
      if (event.stray) result.leftRunning = event.stray;
    }
  }
  return examples.map((example) => results.get(example.key)!);
}

function skipped(key: string): RunResult {
  return { key, status: "skipped", stdout: "", stderr: "", durationMs: 0, unhandledRejections: [], uncaughtExceptions: [], lateOutput: [] };
}

function interrupted(key: string, signal: AbortSignal): RunResult {
  const reason = signal.reason instanceof Error ? signal.reason.message : String(signal.reason);
  return {
    key, status: "crashed", stdout: "", stderr: "", durationMs: 0,
    unhandledRejections: [], uncaughtExceptions: [], lateOutput: [],
    error: { name: "Error", message: `not run: ${reason}` },
  };
}
