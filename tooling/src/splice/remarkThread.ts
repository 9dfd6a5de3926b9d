import { parentPort } from "node:worker_threads";
import { remarkFences } from "./remarkFences.ts";
import type { ToRemarkThread } from "./remarkFencesBounded.ts";

// The thread `remarkFencesBounded` parses large pages on: each request is answered on its port,
// then the shared flag wakes the caller, who waits on it (see remarkFencesBounded).
parentPort!.on("message", ({ text, bodyStart, port, flag }: ToRemarkThread) => {
  try {
    port.postMessage({ nodes: remarkFences(text, bodyStart) });
  } catch (error) {
    port.postMessage({ error: (error as Error).message });
  }
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
