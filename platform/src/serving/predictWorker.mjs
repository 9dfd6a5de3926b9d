// The model's own process: imports the envelope's bundled custom code and answers predictions.
// Plain JavaScript on purpose: it runs under plain `node` (its parent may run under tsx, vitest or
// exemplar's loader, none of which it needs). A process, not a worker thread, so that a model that
// runs out of memory aborts this process only: V8 ends a whole process on a failed allocation, and
// a worker thread's resourceLimits do not prevent that for a large one (nodejs/node#47224).
//
// Protocol (see spawnModelProcess.ts), JSON over the IPC channel: the parent sends { source,
// state } once (state { json } or { bytes: base64 }); this process answers { type: "ready" } or
// { type: "refused", message }, then each { id, rows } with { id, ok: true, outputs } or
// { id, ok: false, name, message }. A batch's chunk comes as a frame on file descriptor 4
// (frames.mjs: a header { id, rows, columns, outputs } and the columns' bytes, columnar.mjs) and
// is answered there, { id, ok: true, columns } when every prediction plainly fits the output
// fields, else { id, ok: true, outputs } as they are, for the parent to check, or { id, ok:
// false, name, message }. An uncaught error sends { type: "crashed", name, message } before
// exiting with code 1; the parent going away ends this process.
import { Worker } from "node:worker_threads";
import { Socket } from "node:net";
import { columnsFromFrame, columnsFromPredictions, columnsToFrame, rowsFromColumns } from "./columnar.mjs";
import { createFrameReader, writeFrame } from "./frames.mjs";

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

/** what a model's error says, as data */
function described(error) {
  return { name: error?.name ?? typeof error, message: String(error?.message ?? error) };
}

function fail(id, error) {
  process.send({ id, ok: false, ...described(error) });
}

function answer(id, outputs) {
  try {
    process.send({ id, ok: true, outputs });
  } catch (error) {
    // e.g. a BigInt among the outputs: not JSON data, so a failure of the model
    fail(id, notPlainData(error));
  }
}

const notPlainData = (error) => new TypeError(`predict returned something that is not plain data: ${error?.message ?? error}`);

/** runs the model on rows; `done` gets { ok: true, outputs } or { ok: false, error }, once */
function run(predict, state, rows, done) {
  let result;
  try {
    result = predict(rows, state);
  } catch (error) {
    return done({ ok: false, error });
  }
  if (result !== null && typeof result === "object" && typeof result.then === "function") result.then((outputs) => done({ ok: true, outputs }), (error) => done({ ok: false, error }));
  else done({ ok: true, outputs: result });
}

/** answers a batch's chunk on the binary channel: as columns when every prediction plainly fits, else as returned */
function answerFrame(channel, id, result, fields, rows) {
  if (!result.ok) return writeFrame(channel, { id, ok: false, ...described(result.error) }, []);
  const columns = columnsFromPredictions(result.outputs, fields, rows);
  if (columns !== undefined) {
    const framed = columnsToFrame(columns);
    return writeFrame(channel, { id, ok: true, columns: framed.columns }, framed.buffers);
  }
  try {
    writeFrame(channel, { id, ok: true, outputs: result.outputs }, []);
  } catch (error) {
    writeFrame(channel, { id, ok: false, ...described(notPlainData(error)) }, []);
  }
}

/** a batch's chunks: frames of columns on file descriptor 4, turned into the rows `/predict` would give */
function listenForFrames(predict, state) {
  const channel = new Socket({ fd: 4, readable: true, writable: true });
  const read = createFrameReader(
    ({ id, rows: count, columns, outputs: fields }, buffers) => {
      let rows;
      try {
        rows = rowsFromColumns({ rows: count, columns: columnsFromFrame(columns, buffers) });
      } catch (error) {
        return answerFrame(channel, id, { ok: false, error }, fields, count);
      }
      run(predict, state, rows, (result) => answerFrame(channel, id, result, fields, count));
    },
    (error) => {
      throw new Error(`the binary channel from the parent broke: ${error?.message ?? error}`);
    },
  );
  channel.on("data", read);
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
  process.on("message", ({ id, rows }) => run(predict, state, rows, (result) => (result.ok ? answer(id, result.outputs) : fail(id, result.error))));
  listenForFrames(predict, state);
  process.send({ type: "ready" });
}

process.once("message", (init) => void load(init));
