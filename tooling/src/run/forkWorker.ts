import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { typescriptLoader, workerFile } from "../fast/bundlePaths.ts";

/** A worker process just forked, and the variable that marks it and everything it spawns. */
export interface ForkedWorker {
  child: ChildProcess;
  /**
   * set to `1` in the worker's environment and so in that of every process its examples spawn,
   * also those that leave its process group (see killTaggedProcesses); one name per worker, so
   * that a run nested in an example keeps the outer worker's mark beside its own
   */
  marker: string;
}

/**
 * Forks a worker process (worker.ts) for the examples of `cwd`. It leads a process group of its
 * own (killing the group ends what its examples spawned), writes the mirror of what the running
 * example prints on fd 4, and imports TypeScript through the loader.
 */
export function forkWorker(cwd: string, env: Record<string, string | undefined>): ForkedWorker {
  const marker = `EXEMPLAR_WORKER_${randomUUID().replaceAll("-", "")}`;
  const child = fork(workerFile, [], {
    cwd,
    env: { ...env, [marker]: "1" },
    // EXEMPLAR_WORKER_CPU_PROF=DIR writes a CPU profile of every worker, to see where time goes
    execArgv: ["--import", typescriptLoader, ...(process.env.EXEMPLAR_WORKER_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.EXEMPLAR_WORKER_CPU_PROF}`] : [])],
    // fd 4 carries the synchronous mirror of what the running example writes (see workerCapture.ts)
    stdio: ["ignore", "pipe", "pipe", "ipc", "pipe"],
    detached: true,
  });
  return { child, marker };
}
