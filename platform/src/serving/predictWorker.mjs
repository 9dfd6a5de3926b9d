// The model's own thread: imports the envelope's bundled custom code and answers predictions.
// Plain JavaScript on purpose: a worker thread does not inherit the TypeScript loader its parent
// may run under (tsx, vitest, exemplar's), so the worker must load without one.
//
// Protocol (see createWorkerPool.ts): workerData is { source, state }. The worker posts
// { type: "ready" } or { type: "refused", message } once, then answers each { id, rows } with
// { id, ok: true, outputs } or { id, ok: false, name, message }.
import { parentPort, workerData } from "node:worker_threads";

const { source, state } = workerData;
let predict;
try {
  const module = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
  predict = module.predict;
  if (typeof predict !== "function") {
    const names = Object.keys(module);
    parentPort.postMessage({ type: "refused", message: `exports ${names.length === 0 ? "nothing" : names.join(", ")}${"predict" in module ? ` (predict is a ${typeof predict})` : ""}; expected a function predict(rows, state)` });
  } else parentPort.postMessage({ type: "ready" });
} catch (error) {
  parentPort.postMessage({ type: "refused", message: `failed to load: ${error?.message ?? error}` });
}

function fail(id, error) {
  parentPort.postMessage({ id, ok: false, name: error?.name ?? typeof error, message: String(error?.message ?? error) });
}

function answer(id, outputs) {
  try {
    parentPort.postMessage({ id, ok: true, outputs });
  } catch (error) {
    // e.g. a function or a symbol among the outputs: not data, so a failure of the model
    fail(id, new TypeError(`predict returned something that is not plain data: ${error?.message ?? error}`));
  }
}

if (typeof predict === "function") {
  parentPort.on("message", ({ id, rows }) => {
    let result;
    try {
      result = predict(rows, state);
    } catch (error) {
      fail(id, error);
      return;
    }
    if (result !== null && typeof result === "object" && typeof result.then === "function") result.then((outputs) => answer(id, outputs), (error) => fail(id, error));
    else answer(id, result);
  });
}
