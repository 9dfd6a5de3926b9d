import path from "node:path";
import type { SourceText } from "../records/SourceText.ts";
import { createWorker } from "../run/createWorker.ts";
import type { WorkerProcess } from "../run/WorkerProcess.ts";

// Why: booting a worker process and compiling the example files take a few hundred
// milliseconds; started before the compiler parses the files, they overlap with it instead of
// following it. Proven by `npm run bench:engine` (and `npm run bench:engine:phases`, which
// times the run with files compiled ahead against one that compiles them as it goes).

/** Workers started ahead of a run, each compiling the files it was given. */
export interface StartedWorkers {
  workers: WorkerProcess[];
  /** file (relative to the root) -> index of the worker compiling it */
  assignment: Map<string, number>;
}

/**
 * Starts up to `count` worker processes ahead of `runExamples`, and has them compile `files`
 * (see `warmWorkers`): no more than there are files with examples, when `files` are given.
 * Start them between `readProject` and `parseProject`, and hand them to `runExamples`, which
 * closes them (or to `closeWorkers`, when nothing runs).
 */
export function startWorkers(root: string, count: number, files: readonly SourceText[] = []): StartedWorkers {
  const withExamples = files.filter((source) => source.text.includes("@example")).length;
  const workers = files.length > 0 ? Math.min(count, withExamples) : count;
  const started: StartedWorkers = { workers: Array.from({ length: workers }, () => createWorker(root)), assignment: new Map() };
  warmWorkers(started, root, files);
  return started;
}

/**
 * Shares the files among the workers by size and has each compile its share, without running
 * any of it: a file's top-level code runs when its first example does, after finding reported
 * no problem and after the setup. Only files that can hold examples are compiled.
 */
function warmWorkers(started: StartedWorkers, root: string, files: readonly SourceText[]): void {
  const { workers, assignment } = started;
  if (workers.length === 0) return;
  const load = workers.map(() => 0);
  const lists: string[][] = workers.map(() => []);
  const candidates = files.filter((source) => source.text.includes("@example") && !assignment.has(source.file));
  for (const { file, text } of candidates.sort((a, b) => b.text.length - a.text.length)) {
    const index = load.indexOf(Math.min(...load));
    assignment.set(file, index);
    load[index]! += text.length;
    lists[index]!.push(path.resolve(root, file));
  }
  workers.forEach((worker, index) => {
    if (lists[index]!.length > 0) worker.warm(lists[index]!);
  });
}

/** Closes workers that will not run anything (the project has problems, or the command failed). */
export async function closeWorkers(started: StartedWorkers | undefined): Promise<void> {
  await Promise.all(started?.workers.map((worker) => worker.close()) ?? []);
}
