import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { typescriptLoader, workerFile } from "../fast/bundlePaths.ts";
import { killProcessGroup } from "./killProcessGroup.ts";
import { killTaggedProcesses } from "./killTaggedProcesses.ts";

/** A worker process just forked. */
export interface ForkedWorker {
  child: ChildProcess;
  /** the last 4,000 characters the process wrote around the capture (a native crash's message) */
  diagnostics: () => string;
}

/**
 * Forks a worker process (worker.ts) for the examples of `cwd`. It writes the mirror of what the
 * running example prints on fd 4, and imports TypeScript through the loader. It leads a process
 * group of its own, and a variable of its own marks its environment, and so that of every
 * process its examples spawn, also those that leave the group (spawned `detached`): when the
 * worker exits, both are killed (see killTaggedProcesses). One name per worker, so that a run
 * nested in an example keeps the outer worker's mark beside its own.
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
    // structured clone, not JSON: Node's JSON channel takes ~0.3 s to carry the 0.9 MB of
    // JavaScript a run of 100 files hands each worker (see fast/prepareWorkers.ts), this ~20 ms
    serialization: "advanced",
  });
  // on "exit", not "close": a child an example spawned with inherited stdio holds the pipes open
  child.on("exit", () => {
    if (child.pid !== undefined) killProcessGroup(child.pid);
    killTaggedProcesses(["1"], marker);
  });
  let diagnostics = "";
  const keep = (text: string) => void (diagnostics = (diagnostics + text).slice(-4000));
  // sending to a worker that just died (killed on a timeout) must not crash the pool
  child.on("error", (error) => keep(`\n${error.message}`));
  child.stdout!.on("data", (chunk: Buffer) => keep(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => keep(chunk.toString()));
  return { child, diagnostics: () => diagnostics };
}
