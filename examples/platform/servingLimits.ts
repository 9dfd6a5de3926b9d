import { fileURLToPath } from "node:url";
import { loadServable, parseModelRef, Registry, serve } from "@envelope/platform";

/** saves a model around one of the docs' model files */
async function saveModel(name: string, file: string) {
  await Registry.fromEnv().save({
    name,
    artifact: {},
    inputs: [{ tenure: 2 }, { tenure: 60 }],
    outputs: [{ churn: true }],
    code: fileURLToPath(new URL(`./models/${file}`, import.meta.url)),
  });
}

/**
 * Each model worker has a memory limit (`memoryLimitMb`, `envelope serve --max-memory`; 512 MB
 * by default). A model that goes over it fails that request with a 500 that names the limit, its
 * worker is replaced, an alert is posted, and the service keeps serving.
 * @example serving.memory-limit
 * @timeout 30000
 * @expect
 * 500 ENVELOPE_MODEL_CRASHED: leaky-score@{...}: the model's worker went over its memory limit (64 MB of JavaScript heap) during predict; it was replaced
 * workers: {"ready":1,"size":1,"replaced":1,"busy":0,"queued":0}
 * 200
 */
export async function memoryLimit() {
  await saveModel("leaky-score", "leakyScore.ts"); // hide
  const { envelope, state } = await loadServable(Registry.fromEnv(), parseModelRef("leaky-score"));
  const service = await serve(envelope, { state, port: 0, memoryLimitMb: 64, log: () => {} });
  try {
    const predict = () => fetch(`${service.url}/predict`, { method: "POST", body: JSON.stringify({ rows: [{ tenure: 3 }] }) });
    // leakyScore.ts keeps 50 MB from every call: the second or third goes over 64 MB
    let failed = await predict();
    for (let call = 1; failed.status === 200 && call < 10; call++) failed = await predict();
    const { error } = (await failed.json()) as { error: { code: string; message: string } };
    console.log(`${failed.status} ${error.code}: ${error.message}`);
    for (let ready = 0; ready === 0; ) ready = ((await (await fetch(`${service.url}/healthz`)).json()) as { workers: { ready: number } }).workers.ready; // hide
    const health = (await (await fetch(`${service.url}/healthz`)).json()) as { workers: unknown };
    console.log(`workers: ${JSON.stringify(health.workers)}`);
    console.log((await predict()).status);
  } finally {
    await service.close();
  }
}

/**
 * A request's timeout counts from its arrival, and at most `maxQueue` requests wait for a worker
 * (`envelope serve --max-queue`; 100 by default). One more is answered at once: 503 with
 * `Retry-After`. A request still waiting at its deadline is answered 504 without running.
 * @example serving.queue-full
 * @timeout 30000
 * @expect
 * busy: 1, waiting: 1
 * 503 Retry-After: 1
 * ENVELOPE_OVERLOADED: slow-score@{...}: 1 call is already waiting for a model worker, the queue's limit; retry after 1 s
 * the slow one: 504
 * the one that waited: 504 slow-score@{...}: waited 1000 ms for a model worker behind slower calls and was not run; the timeout counts from the request's arrival
 */
export async function queueFull() {
  await saveModel("slow-score", "slowScore.ts"); // hide
  const { envelope, state } = await loadServable(Registry.fromEnv(), parseModelRef("slow-score"));
  const service = await serve(envelope, { state, port: 0, timeoutMs: 1000, maxQueue: 1, log: () => {} });
  try {
    const predict = () => fetch(`${service.url}/predict`, { method: "POST", body: JSON.stringify({ rows: [{ tenure: 3 }] }) });
    const workers = async () => ((await (await fetch(`${service.url}/healthz`)).json()) as { workers: { busy: number; queued: number } }).workers;
    const slow = predict(); // runs on the only worker for a minute
    while ((await workers()).busy === 0); // hide
    const waiting = predict(); // waits for it
    while ((await workers()).queued === 0); // hide
    const { busy, queued } = await workers();
    console.log(`busy: ${busy}, waiting: ${queued}`);
    const refused = await predict();
    console.log(`${refused.status} Retry-After: ${refused.headers.get("retry-after")}`);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    console.log(`${error.code}: ${error.message}`);
    console.log(`the slow one: ${(await slow).status}`);
    const waited = await waiting;
    console.log(`the one that waited: ${waited.status} ${((await waited.json()) as { error: { message: string } }).error.message}`);
  } finally {
    await service.close();
  }
}

/**
 * A request whose JSON nests deeper than `maxJsonDepth` (64 by default; a request needs 3) is a
 * 413 that names the limit, never a 500.
 * @example serving.deep-json
 * @timeout 30000
 * @expect
 * 413 ENVELOPE_TOO_LARGE: request body nests arrays and objects more than 64 levels deep; the limit is 64 levels
 */
export async function deepJson() {
  await saveModel("leaky-score", "leakyScore.ts"); // hide
  const { envelope, state } = await loadServable(Registry.fromEnv(), parseModelRef("leaky-score"));
  const service = await serve(envelope, { state, port: 0 });
  try {
    const body = `{"rows":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const response = await fetch(`${service.url}/predict`, { method: "POST", body });
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    console.log(`${response.status} ${error.code}: ${error.message}`);
  } finally {
    await service.close();
  }
}
