/**
 * Sends SIGKILL to the process group `pid` leads: a worker forked `detached` and every process
 * its examples spawned without `detached` of their own. A group already gone (ESRCH: the worker
 * and all of them have exited) is not an error; any other failure names the group.
 */
export function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return;
    throw new Error(`could not kill the process group ${pid} of a worker: ${(error as Error).message}`, { cause: error });
  }
}
