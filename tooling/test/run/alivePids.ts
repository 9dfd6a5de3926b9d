// helpers of the tests that check no spawned process outlives a run (WorkerProcess, check)
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** The pids the `processes` corpus recorded in `folder` (see its examples/record.ts). */
export function readPids(folder: string): number[] {
  return [...new Set(readFileSync(path.join(folder, "pids"), "utf8").trim().split("\n").map(Number))];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the pid is someone else's process now, so it is not ours any longer
    return (error as NodeJS.ErrnoException).code !== "ESRCH" && (error as NodeJS.ErrnoException).code !== "EPERM";
  }
  // a zombie is dead, only not reaped yet by whoever inherited it
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    // gone between the two calls, or a system without /proc, where kill(pid, 0) has the last word
    return !existsSync("/proc/self");
  }
};

/**
 * The pids still alive once they all died or `withinMs` passed: polled, because a process killed
 * a moment ago may not have been reaped yet.
 */
export async function alivePids(pids: readonly number[], withinMs = 10_000): Promise<number[]> {
  const until = Date.now() + withinMs;
  let living = pids.filter(alive);
  while (living.length > 0 && Date.now() < until) {
    await sleep(50);
    living = living.filter(alive);
  }
  return living;
}
