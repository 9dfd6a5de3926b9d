import { afterEach, expect, test, vi } from "vitest";
import { createWorkerPool, type WorkerPool } from "../../src/serving/createWorkerPool.ts";

/** a model that keeps 50 MB (one array of doubles) per `leak` row, hangs on `hang`, else answers how many it keeps */
const leakySource = `
const kept = [];
export function predict(rows) {
  if (rows.some((row) => row.hang)) for (;;) {}
  if (rows.some((row) => row.leak)) kept.push(new Array((50 * 1024 * 1024) / 8).fill(1.5));
  return rows.map(() => ({ kept: kept.length }));
}
`;

let pool: WorkerPool | undefined;
afterEach(() => pool?.close());

/** waits until the replaced worker is ready: its start is not a call's to wait for */
const ready = (workers: WorkerPool) => vi.waitFor(() => expect(workers.status().ready).toBe(1), { timeout: 20_000, interval: 20 });

/** settles a call into its outcome: the outputs, or the error's code and message */
interface Outcome {
  outputs?: unknown;
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
}
const outcome = (call: Promise<unknown>): Promise<Outcome> => call.then((outputs) => ({ outputs }), (error: { code: string; shortMessage: string; details: Record<string, unknown> }) => ({ code: error.code, message: error.shortMessage, details: error.details }));

test("a model over its memory limit fails its call with a 500 naming the limit; its worker is replaced and the next call succeeds", { timeout: 60_000 }, async () => {
  pool = await createWorkerPool({ source: leakySource, state: {}, label: "leaky@1", memoryLimitMb: 64, timeoutMs: 20_000 });
  // 50 MB fits under 64 MB once; bounded: five calls at most, 250 MB if nothing stops it
  const outcomes = [];
  for (let call = 0; call < 5; call++) {
    const result = await outcome(pool.predict([{ leak: true }]));
    outcomes.push(result);
    if (result.code) break;
  }
  const failed = outcomes.at(-1)!;
  expect(failed).toEqual({ code: "ENVELOPE_MODEL_CRASHED", message: "leaky@1: the model's worker went over its memory limit (64 MB of JavaScript heap) during predict; it was replaced", details: { memoryLimitMb: 64 } });
  expect(outcomes.length).toBeGreaterThan(1);
  await ready(pool);
  expect(await pool.predict([{}])).toEqual([{ kept: 0 }]);
  expect(pool.status()).toEqual({ ready: 1, size: 1, replaced: 1, busy: 0, queued: 0 });
});

test("the queue is bounded: one call more than maxQueue waiting is refused at once with 503 and when to retry", { timeout: 30_000 }, async () => {
  pool = await createWorkerPool({ source: leakySource, state: {}, label: "leaky@1", maxQueue: 2, timeoutMs: 1500 });
  const hanging = outcome(pool.predict([{ hang: true }]));
  const waiting = [outcome(pool.predict([{}])), outcome(pool.predict([{}]))];
  const refused = await outcome(pool.predict([{}]));
  expect(refused).toEqual({ code: "ENVELOPE_OVERLOADED", message: "leaky@1: 2 calls are already waiting for a model worker, the queue's limit; retry after 2 s", details: { maxQueue: 2, retryAfterSeconds: 2 } });
  expect((await hanging).code).toBe("ENVELOPE_MODEL_TIMEOUT");
  expect((await Promise.all(waiting)).map((result) => result.code)).toEqual(["ENVELOPE_MODEL_TIMEOUT", "ENVELOPE_MODEL_TIMEOUT"]);
});

test("a call's timeout counts from its arrival: one whose deadline passed before it reached a worker is answered 504 without running", async () => {
  pool = await createWorkerPool({ source: leakySource, state: {}, label: "leaky@1", timeoutMs: 500 });
  const late = await outcome(pool.predict([{ leak: true }], performance.now() - 1000));
  expect(late).toEqual({ code: "ENVELOPE_MODEL_TIMEOUT", message: "leaky@1: waited 500 ms for a model worker behind slower calls and was not run; the timeout counts from the request's arrival", details: { timeoutMs: 500 } });
  // it did not run: the model kept nothing, and no worker was replaced
  expect(await pool.predict([{}])).toEqual([{ kept: 0 }]);
  expect(pool.status().replaced).toBe(0);
});

test("five hanging calls and a normal one on one worker: none waits past its own deadline, and one worker is replaced, not five", { timeout: 30_000 }, async () => {
  pool = await createWorkerPool({ source: leakySource, state: {}, label: "leaky@1", timeoutMs: 600 });
  const started = performance.now();
  const hanging = Array.from({ length: 5 }, () => outcome(pool!.predict([{ hang: true }])));
  const normal = await outcome(pool.predict([{}]));
  const waited = performance.now() - started;
  expect(normal).toMatchObject({ code: "ENVELOPE_MODEL_TIMEOUT", message: expect.stringMatching(/waited 600 ms for a model worker behind slower calls and was not run/) });
  // before, it was answered after five timeouts in a row (3 s); generous against a busy machine
  expect(waited).toBeLessThan(2400);
  const messages = (await Promise.all(hanging)).map((result) => result.message);
  expect(messages.filter((message) => /predict took longer than 600 ms/.test(message ?? ""))).toHaveLength(1);
  expect(messages.filter((message) => /was not run/.test(message ?? ""))).toHaveLength(4);
  await ready(pool);
  expect(await pool.predict([{}])).toEqual([{ kept: 0 }]);
  expect(pool.status()).toEqual({ ready: 1, size: 1, replaced: 1, busy: 0, queued: 0 });
});
