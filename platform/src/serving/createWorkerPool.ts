import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Field } from "../envelope/Envelope.ts";
import type { Column, ColumnBatch } from "./columnar.mjs";
import { spawnModelProcess, type ModelCall, type ModelDeath, type ModelProcess, type ModelReply } from "./spawnModelProcess.ts";

export interface WorkerPoolOptions {
  /** the bundled ESM source exporting `predict(rows, state)` */
  source: string;
  /** the model's state, passed to every `predict` call (sent once to each worker) */
  state: unknown;
  /** names the model in messages, e.g. `churn@3` */
  label: string;
  /** workers running the model (default 1) */
  size?: number;
  /** a call not answered this long after it arrived is answered 504; a worker running it is replaced (default 5,000 ms) */
  timeoutMs?: number;
  /** each worker's JavaScript heap limit; a worker over it is replaced (default 512 MB) */
  memoryLimitMb?: number;
  /** calls waiting for a worker at most; one more is refused with 503 (default 100) */
  maxQueue?: number;
  /** told when a worker is replaced, and why */
  onReplace?: (reason: string) => void;
  /** told when a replacement failed to start (it is retried) */
  onError?: (error: unknown) => void;
}

export interface WorkerPool {
  /**
   * The model's outputs for the rows; `arrivedAt` (a `performance.now()` time, default now) is
   * when the request arrived, from which its timeout counts. Rejects with ENVELOPE_MODEL_FAILED
   * or _CRASHED (500), _TIMEOUT (504), or ENVELOPE_OVERLOADED (503) when the queue is full.
   */
  predict(rows: readonly unknown[], arrivedAt?: number): Promise<unknown>;
  /**
   * The same for a batch's chunk sent as columns: the model gets the same row objects; resolves
   * to the predictions as columns of `outputs` when they plainly fit, else as the model returned
   * them (for `checkPredictions` to name what is wrong). Rejects as `predict` does, except that
   * the timeout counts from when a worker starts the chunk: a batch queues its next chunks on
   * purpose, so that no worker waits for one.
   */
  predictColumns(batch: ColumnBatch, outputs: readonly Field[]): Promise<{ columns: Column[] } | { outputs: unknown }>;
  /** workers ready to predict, how many were replaced so far, how many are running a call and how many calls wait */
  status(): { ready: number; size: number; replaced: number; busy: number; queued: number };
  close(): Promise<void>;
}

interface Job {
  id: number;
  call: ModelCall;
  rowCount: number;
  resolve: (reply: Extract<ModelReply, { ok: true }>) => void;
  reject: (error: EnvelopeError) => void;
  /** fires at the call's deadline, wherever it is then */
  timer: NodeJS.Timeout | undefined;
}

interface Slot {
  worker: ModelProcess;
  ready: boolean;
  job: Job | undefined;
  dead: boolean;
}

/** the defaults `serve` and `envelope serve` document */
export const workerPoolDefaults = { size: 1, timeoutMs: 5000, memoryLimitMb: 512, maxQueue: 100 } as const;

/**
 * Runs a model's code in worker processes, isolated from the service: a model that throws fails
 * its call only; one that hangs past its deadline, crashes its worker (an uncaught error,
 * `process.exit`) or goes over its memory limit fails its call and the worker is replaced while
 * the others keep serving. Each worker runs one call at a time, so a crash or a hang is always
 * that call's alone. Waiting calls queue in order, at most `maxQueue` of them; a call's deadline
 * counts from its arrival, so one still queued at its deadline is answered 504 without running.
 * Resolves once every worker has loaded the code; a module without `predict` is refused with
 * ENVELOPE_NOT_SERVABLE.
 */
export async function createWorkerPool(options: WorkerPoolOptions): Promise<WorkerPool> {
  const { size, timeoutMs, memoryLimitMb, maxQueue } = { ...workerPoolDefaults, ...definedOnly(options) };
  const retryAfterSeconds = Math.max(1, Math.ceil(timeoutMs / 1000));
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
      // a batch's chunk: its time counts from here
      job.timer ??= setTimeout(() => expire(job), timeoutMs);
      slot.worker.run(job.id, job.call);
    }
  }

  const notRun = () => new EnvelopeError("ENVELOPE_MODEL_TIMEOUT", `${options.label}: waited ${timeoutMs} ms for a model worker behind slower calls and was not run; the timeout counts from the request's arrival`, { details: { timeoutMs } });

  function settle(job: Job): void {
    clearTimeout(job.timer);
    job.timer = undefined;
  }

  /** the call's deadline passed: still queued, it is answered without running; running, its worker goes */
  function expire(job: Job): void {
    const index = queue.indexOf(job);
    if (index !== -1) {
      queue.splice(index, 1);
      job.reject(notRun());
      return;
    }
    const slot = slots.find((candidate) => candidate.job === job);
    if (!slot) return;
    job.reject(new EnvelopeError("ENVELOPE_MODEL_TIMEOUT", `${options.label}: predict took longer than ${timeoutMs} ms (counted from ${"rows" in job.call ? "the request's arrival" : "its start on a worker"}); its worker was stopped and replaced`, { details: { timeoutMs } }));
    retire(slot, `predict of ${job.rowCount} row(s) took longer than ${timeoutMs} ms`);
  }

  /** stops a worker whose call timed out or whose process died, and starts another in its place */
  function retire(slot: Slot, reason: string): void {
    if (slot.dead) return;
    slot.dead = true;
    if (slot.job) settle(slot.job);
    slot.job = undefined;
    void slot.worker.kill();
    const index = slots.indexOf(slot);
    if (closed || index === -1) return;
    replaced++;
    options.onReplace?.(reason);
    const replacement = spawn();
    slots[index] = replacement;
    replacement.worker.loaded.then(dispatch, (error: unknown) => {
      options.onError?.(error);
      // try again shortly: the code loaded before, so this is a transient failure (e.g. memory)
      setTimeout(() => retire(replacement, `a replacement failed to start: ${(error as Error).message}`), 1000).unref();
    });
  }

  function replied(slot: Slot, reply: ModelReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    settle(job);
    slot.job = undefined;
    if (reply.ok) job.resolve(reply);
    else job.reject(new EnvelopeError("ENVELOPE_MODEL_FAILED", `${options.label}: predict threw ${reply.name}: ${reply.message}`, { details: { modelError: { name: reply.name, message: reply.message } } }));
    dispatch();
  }

  function died(slot: Slot, death: ModelDeath): void {
    if (slot.dead) return;
    const job = slot.job;
    if (job) {
      const details = death.outOfMemory ? { memoryLimitMb } : {};
      job.reject(new EnvelopeError("ENVELOPE_MODEL_CRASHED", `${options.label}: the model's worker ${death.why} during predict; it was replaced`, { details }));
    }
    retire(slot, `the worker ${death.why}`);
  }

  function spawn(): Slot {
    const slot: Slot = {
      worker: spawnModelProcess({ source: options.source, state: options.state, label: options.label, memoryLimitMb, onReply: (reply) => replied(slot, reply), onDeath: (death) => died(slot, death) }),
      ready: false,
      job: undefined,
      dead: false,
    };
    slot.worker.loaded.then(() => (slot.ready = true), () => {});
    return slot;
  }

  slots.push(...Array.from({ length: size }, spawn));
  try {
    await Promise.all(slots.map((slot) => slot.worker.loaded));
  } catch (error) {
    closed = true;
    await Promise.all(slots.map((slot) => slot.worker.kill()));
    throw error;
  }

  const shuttingDown = () => new EnvelopeError("ENVELOPE_SERVER", `${options.label}: the service is shutting down`);

  /** queues a call; its deadline counts from `arrivedAt`, or from its start on a worker when undefined */
  function submit(call: ModelCall, rowCount: number, arrivedAt: number | undefined): Promise<Extract<ModelReply, { ok: true }>> {
    if (closed) return Promise.reject(shuttingDown());
    if (queue.length >= maxQueue) {
      return Promise.reject(new EnvelopeError("ENVELOPE_OVERLOADED", `${options.label}: ${maxQueue} ${maxQueue === 1 ? "call is" : "calls are"} already waiting for a model worker, the queue's limit; retry after ${retryAfterSeconds} s`, { details: { maxQueue, retryAfterSeconds } }));
    }
    const remainingMs = arrivedAt === undefined ? timeoutMs : arrivedAt + timeoutMs - performance.now();
    if (remainingMs <= 0) return Promise.reject(notRun());
    return new Promise((resolve, reject) => {
      const job: Job = { id: nextId++, call, rowCount, resolve, reject, timer: undefined };
      if (arrivedAt !== undefined) job.timer = setTimeout(() => expire(job), remainingMs);
      queue.push(job);
      dispatch();
    });
  }
  return {
    predict(rows, arrivedAt = performance.now()) {
      return submit({ rows }, rows.length, arrivedAt).then((reply) => ("outputs" in reply ? reply.outputs : reply.columns));
    },
    predictColumns(batch, outputs) {
      return submit({ batch, outputs }, batch.rows, undefined).then((reply) => ("columns" in reply ? { columns: reply.columns } : { outputs: reply.outputs }));
    },
    status() {
      const live = slots.filter((slot) => slot.ready && !slot.dead);
      return { ready: live.length, size, replaced, busy: live.filter((slot) => slot.job).length, queued: queue.length };
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        settle(job);
        job.reject(shuttingDown());
      }
      await Promise.all(
        slots.map((slot) => {
          slot.dead = true;
          if (slot.job) {
            settle(slot.job);
            slot.job.reject(shuttingDown());
          }
          return slot.worker.kill();
        }),
      );
    },
  };
}

/** the options given, without the ones left undefined (so that a default applies) */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
