import type { CompiledFile } from "../records/CompiledFile.ts";
import type { SourceText } from "../records/SourceText.ts";
import { createWorker } from "../run/createWorker.ts";
import type { WorkerProcess } from "../run/WorkerProcess.ts";

// Why: booting a worker process takes a few hundred milliseconds of CPU; started before the
// compiler parses the files, workers boot while it parses instead of after. Proven by `npm run bench:engine` (and `npm run bench:engine:phases`, which
// times the run with files compiled ahead against one that compiles them as it goes).

/** Workers started ahead of a run, with the files each runs first. */
export interface StartedWorkers {
  workers: WorkerProcess[];
  /** file (relative to the root) -> index of the worker that runs it first */
  assignment: Map<string, number>;
  /** the files' JavaScript made ahead (see `prepareWorkers`), for workers the run starts later */
  compiled?: CompiledFile[];
}

/**
 * Starts up to `count` worker processes ahead of `runExamples`, and shares `files` among them
 * (see `shareFiles`): no more than there are files with examples, when `files` are given.
 * Start them between `readProject` and `parseProject`, and hand them to `runExamples`, which
 * prepares them (see `prepareWorkers`) and closes them (or to `closeWorkers`, when nothing runs).
 */
export function startWorkers(root: string, count: number, files: readonly SourceText[] = []): StartedWorkers {
  const withExamples = files.filter((source) => source.text.includes("@example")).length;
  const workers = files.length > 0 ? Math.min(count, withExamples) : count;
  const started: StartedWorkers = { workers: Array.from({ length: workers }, () => createWorker(root)), assignment: new Map() };
  shareFiles(started, files);
  return started;
}

/**
 * Shares the files that can hold examples among the workers by size: each worker runs its
 * share first. Nothing is compiled or run yet: a file's top-level code runs when its first
 * example does, after finding reported no problem and after the setup.
 */
function shareFiles(started: StartedWorkers, files: readonly SourceText[]): void {
  const { workers, assignment } = started;
  if (workers.length === 0) return;
  const load = workers.map(() => 0);
  const candidates = files.filter((source) => source.text.includes("@example") && !assignment.has(source.file));
  for (const { file, text } of candidates.sort((a, b) => b.text.length - a.text.length)) {
    const index = load.indexOf(Math.min(...load));
    assignment.set(file, index);
    load[index]! += text.length;
  }
}

/** Closes workers that will not run anything (the project has problems, or the command failed). */
export async function closeWorkers(started: StartedWorkers | undefined): Promise<void> {
  await Promise.all(started?.workers.map((worker) => worker.close()) ?? []);
}
