/**
 * The worker process: runs the examples the pool sends, one at a time, capturing what each one
 * writes. Output is attributed by async context, so a timer that outlives its example is
 * reported against that example and not the one running when it fires.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { writeSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { FromWorker, ToWorker } from "./protocol.ts";
import type { RunError, RunResult } from "../records/RunResult.ts";
import { CappedOutput } from "./CappedOutput.ts";
import { LateOutputQueue } from "./LateOutputQueue.ts";
import { serializeError } from "./serializeError.ts";
import { watchParent } from "./watchParent.ts";

interface Capture {
  key: string;
  /** the first `outputLimitBytes` of each stream, and a count of the rest (see CappedOutput) */
  stdout: CappedOutput;
  stderr: CappedOutput;
  /** bytes mirrored to the pool so far (see `mirror`) */
  mirrored: number;
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

const late = new LateOutputQueue(send);

/** the example a piece of output or an error belongs to */
const owner = () => context.getStore() ?? running ?? previous;

// the pool reads this descriptor: what an example writes is mirrored there synchronously, so
// that when the example hangs in a loop or kills its process, the report still shows what it
// printed before. Only the first part of each example's output: it is for diagnosis.
const mirrorFd = 4;
const mirrorLimit = 32 * 1024;
function mirror(target: Capture, stream: "stdout" | "stderr", text: string) {
  if (target.mirrored >= mirrorLimit) return;
  const part = text.slice(0, mirrorLimit - target.mirrored);
  target.mirrored += part.length;
  try {
    writeSync(mirrorFd, JSON.stringify({ key: target.key, stream, text: part }) + "\n");
  } catch {
    // a full pipe only costs the diagnosis
  }
}

function capture(stream: "stdout" | "stderr") {
  const write = (chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString((typeof encoding === "string" ? encoding : "utf8") as BufferEncoding);
    const target = owner();
    if (target && !target.settled) {
      const kept = target[stream].append(text);
      if (target === running && kept) mirror(target, stream, kept);
    }
    else if (target) late.write(target.key, text);
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
class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code}) called`);
  }
}
/** Reports the example as having called `process.exit`; the worker then ends. */
function exited(target: Capture, code: number) {
  target.settled = true;
  late.flush();
  send({ type: "result", result: result(target, "exit", 0, undefined, code), recycle: true }, () => realExit(0));
}
process.exit = ((code?: number | string | null) => {
  const exitCode = Number(code ?? process.exitCode ?? 0);
  if (running && !running.settled && owner() === running) exited(running, exitCode);
  // stop the code where it stands; a module that exits while it loads is reported by the
  // example that imports it
  throw new ProcessExit(exitCode);
}) as typeof process.exit;

function result(capture: Capture, status: RunResult["status"], durationMs: number, error?: RunError, exitCode?: number): RunResult {
  const run: RunResult = {
    key: capture.key,
    status,
    stdout: capture.stdout.text,
    stderr: capture.stderr.text,
    durationMs,
    unhandledRejections: capture.rejections,
    uncaughtExceptions: capture.exceptions,
    lateOutput: [],
  };
  if (error) run.error = error;
  if (exitCode !== undefined) run.exitCode = exitCode;
  if (capture.stdout.truncatedBytes > 0) run.stdoutTruncatedBytes = capture.stdout.truncatedBytes;
  if (capture.stderr.truncatedBytes > 0) run.stderrTruncatedBytes = capture.stderr.truncatedBytes;
  return run;
}


interface Loaded {
  /** the module's namespace, or the error its evaluation threw */
  module: Promise<Record<string, unknown>>;
  /** what the module printed while it was evaluated, handed to its first example */
  output: Capture;
  claimed: boolean;
}

// a module is imported once (asking the loader again costs a round trip to its hooks thread),
// maybe ahead of time; what it prints while loading goes to the first example that uses it,
// as if that example had imported it
const modules = new Map<string, Loaded>();
const load = (file: string): Loaded => {
  let loaded = modules.get(file);
  if (!loaded) {
    const output = newCapture(`module ${file}`);
    const module = context.run(output, () => import(pathToFileURL(file).href) as Promise<Record<string, unknown>>);
    module.catch(() => {});
    loaded = { module, output, claimed: false };
    modules.set(file, loaded);
  }
  return loaded;
};

function newCapture(key: string): Capture {
  return { key, stdout: new CappedOutput(), stderr: new CappedOutput(), mirrored: 0, settled: false, rejections: [], exceptions: [] };
}

async function run({ key, file, name }: { key: string; file: string; name: string }) {
  const capture = newCapture(key);
  running = capture;
  const started = performance.now();
  let error: RunError | undefined;
  try {
    await context.run(capture, async () => {
      const loaded = load(file);
      let module: Record<string, unknown>;
      try {
        module = await loaded.module;
      } finally {
        if (!loaded.claimed) {
          loaded.claimed = true;
          capture.stdout = CappedOutput.concat(loaded.output.stdout, capture.stdout);
          capture.stderr = CappedOutput.concat(loaded.output.stderr, capture.stderr);
          capture.rejections.push(...loaded.output.rejections);
          capture.exceptions.push(...loaded.output.exceptions);
          // later output of the module's own timers is nobody's example: reported as late
          loaded.output.settled = true;
        }
      }
      const fn = module[name];
      if (typeof fn !== "function") throw new TypeError(`${file} does not export a function named \`${name}\``);
      await fn();
    });
  } catch (thrown) {
    // `instanceof` itself throws on a Proxy whose getPrototypeOf trap throws: not our ProcessExit
    const exit = isProcessExit(thrown);
    if (exit && !capture.settled) exited(capture, (thrown as ProcessExit).code);
    else if (!exit) error = serializeError(thrown);
  }
  const durationMs = Math.round(performance.now() - started);
  // a rejection without handler is reported after the microtask queue drains: give it one turn
  await new Promise((resolve) => setImmediate(resolve));
  if (capture.settled) {
    // the example called process.exit: its result is sent and the worker is exiting
    await new Promise(() => {});
  }
  capture.settled = true;
  running = undefined;
  previous = capture;
  send({ type: "result", result: result(capture, error ? "threw" : "returned", durationMs, error), recycle: false });
}

function isProcessExit(value: unknown): boolean {
  try {
    return value instanceof ProcessExit;
  } catch {
    return false;
  }
}

let queue = Promise.resolve();
process.on("message", (message: ToWorker) => {
  if (message.type === "preload") {
    for (const file of message.files) load(file);
  } else if (message.type === "run") {
    Object.assign(process.env, message.env);
    for (const example of message.examples) queue = queue.then(() => run(example));
  }
  else if (message.type === "close") {
    void closeWhenQuiet();
  }
});
/**
 * Ends the worker once the timers the examples left have fired (so their late output is still
 * reported), or after a grace period for those that never stop (an interval).
 */
async function closeWhenQuiet(graceMs = 1000) {
  const until = performance.now() + graceMs;
  const pendingTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
  await new Promise((resolve) => setImmediate(resolve));
  while (pendingTimers() > 0 && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 5).unref());
  }
  late.flush();
  send({ type: "closed" }, () => realExit(0));
}

// the pool went away without ending this worker (it was SIGKILLed, or crashed): end the
// worker's process group, and with it what its examples spawned. This runs only between
// examples or while one awaits; for a worker stuck in a synchronous loop, see watchParent
process.on("disconnect", () => {
  try {
    process.kill(-process.pid, "SIGKILL");
  } catch {
    // not a group leader (forked without `detached`): just go
  }
  realExit(1);
});
watchParent();

send({ type: "ready" });
