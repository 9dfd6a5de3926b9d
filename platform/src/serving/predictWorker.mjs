// The model's own process: imports the envelope's bundled custom code and answers predictions.
// Plain JavaScript on purpose: it runs under plain `node` (its parent may run under tsx, vitest or
// exemplar's loader, none of which it needs). A process, not a worker thread, so that a model that
// runs out of memory aborts this process only: V8 ends a whole process on a failed allocation, and
// a worker thread's resourceLimits do not prevent that for a large one (nodejs/node#47224).
//
// Protocol (see spawnModelProcess.ts), JSON over the IPC channel: the parent sends { source,
// state } once (state { json } or { bytes: base64 }); this process answers { type: "ready" } or
// { type: "refused", message }, then each { id, rows } with { id, ok: true, outputs } or
// { id, ok: false, name, message }. An uncaught error sends { type: "crashed", name, message }
// before exiting with code 1; the parent going away ends this process.
import { Worker } from "node:worker_threads";

process.on("disconnect", () => process.exit(0));
// a model stuck in a loop never sees "disconnect": a watchdog thread ends this process once its
// parent is gone (reparented: process.ppid changed), so a service killed with SIGKILL leaves no
// model process spinning behind it
const watchdog = `const { workerData } = require("node:worker_threads"); setInterval(() => { if (process.ppid !== workerData) process.kill(process.pid, "SIGKILL"); }, 500);`;
new Worker(watchdog, { eval: true, workerData: process.ppid }).unref();

function send(message) {
  return new Promise((resolve) => process.send(message, () => resolve()));
}

process.on("uncaughtException", (error) => {
  const crash = { type: "crashed", name: error?.name ?? typeof error, message: String(error?.message ?? error) };
  send(crash).finally(() => process.exit(1));
});

function fail(id, error) {
  process.send({ id, ok: false, name: error?.name ?? typeof error, message: String(error?.message ?? error) });
}

function answer(id, outputs) {
  try {
    process.send({ id, ok: true, outputs });
  } catch (error) {
    // e.g. a BigInt among the outputs: not JSON data, so a failure of the model
    fail(id, new TypeError(`predict returned something that is not plain data: ${error?.message ?? error}`));
  }
}

async function load({ source, state: wrapped }) {
  const state = wrapped.bytes === undefined ? wrapped.json : new Uint8Array(Buffer.from(wrapped.bytes, "base64"));
  let predict;
  try {
    const module = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
    predict = module.predict;
    if (typeof predict !== "function") {
      const names = Object.keys(module);
      return void process.send({ type: "refused", message: `exports ${names.length === 0 ? "nothing" : names.join(", ")}${"predict" in module ? ` (predict is a ${typeof predict})` : ""}; expected a function predict(rows, state)` });
    }
  } catch (error) {
    return void process.send({ type: "refused", message: `failed to load: ${error?.message ?? error}` });
  }
  process.on("message", ({ id, rows }) => {
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
  process.send({ type: "ready" });
}

process.once("message", (init) => void load(init));
