import { Worker } from "node:worker_threads";
import { EnvelopeError } from "../errors/EnvelopeError.ts";

export interface WorkerPoolOptions {
  /** the bundled ESM source exporting `predict(rows, state)` */
  source: string;
  /** the model's state, passed to every `predict` call (structured-cloned once per worker) */
  state: unknown;
  /** names the model in messages, e.g. `churn@3` */
  label: string;
  /** workers running the model (default 1) */
  size?: number;
  /** a call slower than this is answered 504 and its worker replaced (default 5,000 ms) */
  timeoutMs?: number;
  /** told when a worker is replaced, and why */
  onReplace?: (reason: string) => void;
  /** told when a replacement failed to start (it is retried) */
  onError?: (error: unknown) => void;
}

export interface WorkerPool {
  /** the model's outputs for the rows; rejects with ENVELOPE_MODEL_FAILED, _CRASHED (500) or _TIMEOUT (504) */
  predict(rows: readonly unknown[]): Promise<unknown>;
  /** workers ready to predict now, and how many were replaced so far */
  status(): { ready: number; size: number; replaced: number };
  close(): Promise<void>;
}

interface Job {
  id: number;
  rows: readonly unknown[];
  resolve: (outputs: unknown) => void;
  reject: (error: EnvelopeError) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
  dead: boolean;
}

type Reply = { type: "ready" } | { type: "refused"; message: string } | { id: number; ok: true; outputs: unknown } | { id: number; ok: false; name: string; message: string };

const workerFile = new URL("./predictWorker.mjs", import.meta.url);

/**
 * Runs a model's code in worker threads, isolated from the service's own thread: a model that
 * throws fails its call only; one that hangs past `timeoutMs`, or crashes its worker (an uncaught
 * error, `process.exit`), fails its call and the worker is replaced while the others keep
 * serving. Each worker runs one call at a time, so a crash or a hang is always that call's alone;
 * waiting calls queue in order. Resolves once every worker has loaded the code; a module without
 * `predict` is refused with ENVELOPE_NOT_SERVABLE.
 */
export async function createWorkerPool(options: WorkerPoolOptions): Promise<WorkerPool> {
  const size = options.size ?? 1;
  const timeoutMs = options.timeoutMs ?? 5000;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let replaced = 0;
  let closed = false;

  function dispatch(): void {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.ready || slot.job || slot.dead) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        job.reject(new EnvelopeError("ENVELOPE_MODEL_TIMEOUT", `${options.label}: predict took longer than ${timeoutMs} ms; its worker was stopped and replaced`, { details: { timeoutMs } }));
        retire(slot, `predict of ${job.rows.length} row(s) took longer than ${timeoutMs} ms`);
      }, timeoutMs);
      slot.worker.postMessage({ id: job.id, rows: job.rows });
    }
  }

  /** stops a worker whose call timed out or whose thread died, and starts another in its place */
  function retire(slot: Slot, reason: string): void {
    if (slot.dead) return;
    slot.dead = true;
    clearTimeout(slot.timer);
    slot.job = undefined;
    void slot.worker.terminate();
    const index = slots.indexOf(slot);
    if (closed || index === -1) return;
    replaced++;
    options.onReplace?.(reason);
    const replacement = spawn();
    slots[index] = replacement.slot;
    replacement.loaded.then(dispatch, (error: unknown) => {
      options.onError?.(error);
      // try again shortly: the code loaded before, so this is a transient failure (e.g. memory)
      setTimeout(() => retire(replacement.slot, `a replacement failed to start: ${(error as Error).message}`), 1000).unref();
    });
  }

  function spawn(): { slot: Slot; loaded: Promise<void> } {
    const worker = new Worker(workerFile, { workerData: { source: options.source, state: options.state } });
    const slot: Slot = { worker, ready: false, job: undefined, timer: undefined, dead: false };
    const loaded = new Promise<void>((resolve, reject) => {
      worker.on("message", (reply: Reply) => {
        if ("type" in reply) {
          if (reply.type === "ready") {
            slot.ready = true;
            resolve();
          } else reject(new EnvelopeError("ENVELOPE_NOT_SERVABLE", `cannot serve ${options.label}: its custom code ${reply.message}`));
          return;
        }
        const job = slot.job;
        if (!job || job.id !== reply.id) return;
        clearTimeout(slot.timer);
        slot.job = undefined;
        if (reply.ok) job.resolve(reply.outputs);
        else job.reject(new EnvelopeError("ENVELOPE_MODEL_FAILED", `${options.label}: predict threw ${reply.name}: ${reply.message}`, { details: { modelError: { name: reply.name, message: reply.message } } }));
        dispatch();
      });
      const died = (why: string) => {
        // a worker dying while it loads is the caller's to handle: refused at start, retried later
        if (!slot.ready) return reject(new EnvelopeError("ENVELOPE_NOT_SERVABLE", `cannot serve ${options.label}: its worker ${why} while loading the custom code`));
        if (slot.dead) return;
        slot.job?.reject(new EnvelopeError("ENVELOPE_MODEL_CRASHED", `${options.label}: the model's worker ${why} during predict; it was replaced`));
        retire(slot, `the worker ${why}`);
      };
      worker.on("error", (error) => died(`crashed (${error.name}: ${error.message})`));
      worker.on("exit", (code) => died(`exited with code ${code}`));
    });
    return { slot, loaded };
  }

  const started = Array.from({ length: size }, spawn);
  slots.push(...started.map((entry) => entry.slot));
  try {
    await Promise.all(started.map((entry) => entry.loaded));
  } catch (error) {
    closed = true;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    throw error;
  }

  return {
    predict(rows) {
      if (closed) return Promise.reject(new EnvelopeError("ENVELOPE_SERVER", `${options.label}: the service is shutting down`));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, rows, resolve, reject });
        dispatch();
      });
    },
    status() {
      return { ready: slots.filter((slot) => slot.ready && !slot.dead).length, size, replaced };
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new EnvelopeError("ENVELOPE_SERVER", `${options.label}: the service is shutting down`));
      await Promise.all(
        slots.map((slot) => {
          slot.dead = true;
          clearTimeout(slot.timer);
          slot.job?.reject(new EnvelopeError("ENVELOPE_SERVER", `${options.label}: the service is shutting down`));
          return slot.worker.terminate();
        }),
      );
    },
  };
}
