/**
 * The worker process: runs the examples the pool sends, one at a time, capturing what each one
 * writes. Output is attributed by async context, so a timer that outlives its example is
 * reported against that example and not the one running when it fires.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { pathToFileURL } from "node:url";
import type { FromWorker, ToWorker } from "./protocol.ts";
import type { RunError, RunResult } from "./RunResult.ts";
import { serializeError } from "./serializeError.ts";

interface Capture {
  key: string;
  stdout: string;
  stderr: string;
  sentStdout: number;
  sentStderr: number;
  settled: boolean;
  rejections: RunError[];
  exceptions: RunError[];
}

const context = new AsyncLocalStorage<Capture>();
let running: Capture | undefined;
let previous: Capture | undefined;

const send = (message: FromWorker, callback?: () => void) => {
  process.send!(message, undefined, {}, callback);
};

/** the example a piece of output or an error belongs to */
const owner = () => context.getStore() ?? running ?? previous;

function capture(stream: "stdout" | "stderr") {
  const write = (chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString((typeof encoding === "string" ? encoding : "utf8") as BufferEncoding);
    const target = owner();
    if (target && !target.settled) target[stream] += text;
    else if (target) send({ type: "late", key: target.key, output: text });
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done as () => void);
    return true;
  };
  process[stream].write = write as typeof process.stdout.write;
}
capture("stdout");
capture("stderr");

process.on("unhandledRejection", (reason) => {
  const target = owner();
  if (!target) return;
  if (target.settled) send({ type: "late", key: target.key, rejection: serializeError(reason) });
  else target.rejections.push(serializeError(reason));
});
process.on("uncaughtException", (error) => {
  const target = owner();
  if (!target) return;
  if (target.settled) send({ type: "late", key: target.key, exception: serializeError(error) });
  else target.exceptions.push(serializeError(error));
});

const realExit = process.exit.bind(process);
class ProcessExit extends Error {}
process.exit = ((code?: number | string | null) => {
  const target = running ?? context.getStore();
  if (target && !target.settled) {
    target.settled = true;
    const exitCode = Number(code ?? process.exitCode ?? 0);
    send({ type: "result", result: result(target, "exit", 0, undefined, exitCode), recycle: true }, () => realExit(0));
  }
  // stop the example where it stands; the worker ends once the result is sent
  throw new ProcessExit(`process.exit(${code ?? ""}) called`);
}) as typeof process.exit;

function result(capture: Capture, status: RunResult["status"], durationMs: number, error?: RunError, exitCode?: number): RunResult {
  const run: RunResult = {
    key: capture.key,
    status,
    stdout: capture.stdout,
    stderr: capture.stderr,
    durationMs,
    unhandledRejections: capture.rejections,
    uncaughtExceptions: capture.exceptions,
    lateOutput: [],
  };
  if (error) run.error = error;
  if (exitCode !== undefined) run.exitCode = exitCode;
  return run;
}

function flush() {
  const target = running;
  if (!target || (target.stdout.length === target.sentStdout && target.stderr.length === target.sentStderr)) return;
  send({ type: "output", key: target.key, stdout: target.stdout.slice(target.sentStdout), stderr: target.stderr.slice(target.sentStderr) });
  target.sentStdout = target.stdout.length;
  target.sentStderr = target.stderr.length;
}

async function run({ key, file, name }: Extract<ToWorker, { type: "run" }>) {
  const capture: Capture = { key, stdout: "", stderr: "", sentStdout: 0, sentStderr: 0, settled: false, rejections: [], exceptions: [] };
  running = capture;
  // long examples stream their output so that a timeout can still show it
  const flusher = setInterval(flush, 100);
  const started = performance.now();
  let error: RunError | undefined;
  try {
    await context.run(capture, async () => {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const fn = module[name];
      if (typeof fn !== "function") throw new TypeError(`${file} does not export a function named \`${name}\``);
      await fn();
    });
  } catch (thrown) {
    if (!(thrown instanceof ProcessExit)) error = serializeError(thrown);
  }
  const durationMs = Math.round(performance.now() - started);
  clearInterval(flusher);
  // a rejection without handler is reported after the microtask queue drains: give it one turn
  await new Promise((resolve) => setImmediate(resolve));
  if (capture.settled) return;
  capture.settled = true;
  running = undefined;
  previous = capture;
  send({ type: "result", result: result(capture, error ? "threw" : "returned", durationMs, error), recycle: false });
}

process.on("message", (message: ToWorker) => {
  if (message.type === "run") void run(message);
  else if (message.type === "close") {
    // a short grace period catches output from timers that outlived the last example
    setTimeout(() => realExit(0), 20);
  }
});
send({ type: "ready" });
