import type { FromWorker } from "./protocol.ts";
import { WorkerProcess } from "./WorkerProcess.ts";

/** What a worker reported about an example after its result: output, rejections, exceptions. */
export type LateEvents = Map<string, Array<Omit<Extract<FromWorker, { type: "late" }>, "type" | "key">>>;

const lateEvents = new WeakMap<WorkerProcess, LateEvents>();

/** A worker process for the examples of `root`, collecting what its examples do after their result. */
export function createWorker(root: string): WorkerProcess {
  const late: LateEvents = new Map();
  const worker = new WorkerProcess({
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", EXEMPLAR_WORKER: "1" },
    onLate: (message) => late.set(message.key, [...(late.get(message.key) ?? []), message]),
  });
  lateEvents.set(worker, late);
  return worker;
}

/** The late events of a worker made by `createWorker`, by example key. */
export function lateEventsOf(worker: WorkerProcess): LateEvents {
  return lateEvents.get(worker) ?? new Map();
}
