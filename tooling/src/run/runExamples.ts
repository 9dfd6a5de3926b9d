import { availableParallelism } from "node:os";
import path from "node:path";
import type { Example } from "../example.ts";
import type { RunResult } from "./RunResult.ts";
import { WorkerProcess } from "./WorkerProcess.ts";

export interface RunOptions {
  /** the project root; example files are relative to it */
  root: string;
  /** worker processes; default: the number of cores */
  jobs?: number;
  /** milliseconds per example unless it sets `@timeout` */
  timeout: number;
  /** environment variables for the examples, on top of this process's */
  env?: Record<string, string>;
  /** called as each example finishes, for progress */
  onResult?: (result: RunResult) => void;
}

/**
 * Runs examples in parallel worker processes, sequentially inside each, so that output is
 * attributed exactly. Examples of one file go to the same worker, which imports the file once.
 * Whatever an example does (throw, hang, exit, crash), every example gets a result, in the
 * order given.
 */
export async function runExamples(examples: readonly Example[], options: RunOptions): Promise<RunResult[]> {
  const results = new Map<string, RunResult>();
  const late = new Map<string, Array<{ output?: string; rejection?: RunResult["error"]; exception?: RunResult["error"] }>>();
  const toRun: Example[] = [];
  for (const example of examples) {
    if (example.skip === undefined) toRun.push(example);
    else results.set(example.key, skipped(example.key));
  }
  // the largest files first, so the last worker to finish is not stuck with a big one
  const byFile = new Map<string, Example[]>();
  for (const example of toRun) byFile.set(example.file, [...(byFile.get(example.file) ?? []), example]);
  const groups = [...byFile.values()].sort((a, b) => b.length - a.length);
  const lanes = Math.max(1, Math.min(options.jobs ?? availableParallelism(), groups.length));
  const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", EXEMPLAR_WORKER: "1", ...options.env };
  const workers = new Set<WorkerProcess>();
  const spawn = () => {
    const worker = new WorkerProcess({
      cwd: options.root,
      env,
      onLate: (message) => {
        const list = late.get(message.key) ?? [];
        list.push(message);
        late.set(message.key, list);
      },
    });
    workers.add(worker);
    return worker;
  };

  const lane = async () => {
    let worker: WorkerProcess | undefined;
    for (let group = groups.shift(); group; group = groups.shift()) {
      for (const example of group) {
        if (!worker?.alive) worker = spawn();
        const result = await worker.run({
          key: example.key,
          file: path.resolve(options.root, example.file),
          name: example.name,
          timeout: example.timeout ?? options.timeout,
        });
        results.set(example.key, result);
        options.onResult?.(result);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    await Promise.all([...workers].map((worker) => worker.close()));
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
