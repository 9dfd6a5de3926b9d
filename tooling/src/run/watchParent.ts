import { Worker } from "node:worker_threads";

// a thread of its own, because the case it is for is a worker stuck in a synchronous loop: its
// main thread never runs a handler again. Once a second it compares the parent's pid with the
// one it started with: when the parent died (SIGKILL, crash), the worker was handed to another
// parent, and the thread kills the worker's process group, the worker with it.
const watchdog = `
const { workerData } = require("node:worker_threads");
const kill = (pid) => { try { process.kill(pid, "SIGKILL"); } catch {} };
setInterval(() => {
  if (process.ppid === workerData.ppid) return;
  kill(-workerData.pid);
  kill(workerData.pid);
}, 1000);
`;

/**
 * Starts the thread that ends this worker when its parent is gone, even while the worker's main
 * thread is stuck. It does not keep the worker alive.
 */
export function watchParent(): void {
  new Worker(watchdog, { eval: true, workerData: { ppid: process.ppid, pid: process.pid } }).unref();
}
