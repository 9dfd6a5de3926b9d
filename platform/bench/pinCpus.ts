import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";

/** a process and its descendants (a service's model processes), from Linux /proc */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone, or not Linux
  }
  return [pid, ...children.flatMap(processTree)];
}

/**
 * Why processes cannot be pinned to CPUs here (fewer than 2 cores, no `taskset`), or undefined
 * when they can.
 */
export function cannotPin(): string | undefined {
  if (availableParallelism() < 2) return `${availableParallelism()} core: the registry cannot have a core of its own`;
  try {
    execFileSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" });
    return undefined;
  } catch {
    return "no `taskset` (util-linux)";
  }
}

/** Pins each process (every thread of it and of its descendants) to the CPUs listed, e.g. "0" or "0-1". */
export function pinCpus(pids: Array<number | undefined>, cpus: string): void {
  for (const root of pids) {
    if (root === undefined) continue;
    for (const pid of processTree(root)) execFileSync("taskset", ["-a", "-p", "-c", cpus, String(pid)], { stdio: "ignore" });
  }
}

/** every CPU of the machine, as taskset lists them (not the CPUs this process may use: it may be pinned) */
export const allCpus = (): string => `0-${cpus().length - 1}`;
