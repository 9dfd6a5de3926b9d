/**
 * The worker process: runs the examples the pool sends, one at a time, capturing what each one
 * writes (see workerCapture.ts). After each example it checks what the example left behind: a
 * worker whose examples left something running (a timer, a server) or changed the process (a
 * global, `process.env`, the working directory) runs nothing more, so the next example starts
 * in a clean process.
 */
import { pathToFileURL } from "node:url";
import type { ToWorker } from "./protocol.ts";
import type { RunError } from "../records/RunResult.ts";
import { activeResources, addedResources } from "./activeResources.ts";
import { CappedOutput } from "./CappedOutput.ts";
import { serializeError } from "./serializeError.ts";
import { snapshotGlobals, type GlobalsSnapshot } from "./snapshotGlobals.ts";
import { watchParent } from "./watchParent.ts";
import { precompileOnLoader, provideToLoader } from "./loaderPort.ts";
import { relativeTo } from "../files/relativeTo.ts";
import { installInlineRecorder } from "./installInlineRecorder.ts";
import { context, examples, installCapture, isProcessExit, late, mirrorPhase, newCapture, owner, ProcessExit, resultOf, send, type Capture } from "./workerCapture.ts";

installCapture();
installInlineRecorder(owner);

const realExit = process.exit.bind(process);
/** Reports the example as having called `process.exit` (or its file, while loading); the worker then ends. */
function exited(target: Capture, code: number, importing?: string) {
  target.settled = true;
  late.flush();
  send({ type: "result", result: resultOf(target, "exit", 0, undefined, code, importing), recycle: true }, () => realExit(0));
}
process.exit = ((code?: number | string | null) => {
  const exitCode = Number(code ?? process.exitCode ?? 0);
  const target = owner();
  if (examples.running && !examples.running.settled && target === examples.running) exited(examples.running, exitCode);
  else if (target?.settled) {
    // a timer an example (or a module) left behind: the worker ends, and the pool charges the
    // exit to whoever left the timer
    late.flush();
    send({ type: "late", key: target.key, stray: `called process.exit(${exitCode})` }, () => realExit(0));
  }
  // stop the code where it stands; a module that exits while it loads is reported by the
  // example that imports it
  throw new ProcessExit(exitCode);
}) as typeof process.exit;

interface Loaded {
  /** the module's namespace, or the error its evaluation threw */
  module: Promise<Record<string, unknown>>;
  /** what the module printed while it was evaluated, handed to its first example */
  output: Capture;
  claimed: boolean;
}

// a module is imported once (asking the loader again costs a round trip to its hooks thread),
// by its first example: what it prints while loading goes to that example, and a loop, exit or
// crash in its top-level code is told to the pool as the file's (see mirrorPhase)
const modules = new Map<string, Loaded>();
/** the file being loaded now, if any */
let loading: string | undefined;
async function load(file: string, key: string): Promise<Loaded> {
  const known = modules.get(file);
  if (known) return known;
  const output = newCapture(`module ${file}`);
  mirrorPhase(key, "importing", file);
  loading = file;
  const module = context.run(output, () => import(pathToFileURL(file).href) as Promise<Record<string, unknown>>);
  const loaded: Loaded = { module, output, claimed: false };
  modules.set(file, loaded);
  await module.catch(() => {});
  loading = undefined;
  mirrorPhase(key, "imported", file);
  return loaded;
}

// taken once the worker's own patches and listeners are in place (just before `ready`): what
// changes after this is an example's doing
let globals: GlobalsSnapshot;
/** the project's root, the worker's first working directory: files are named relative to it */
const root = process.cwd();
let retired = false;
/** what kept the process alive before the running example started */
let before = new Map<string, number>();

/** a file whose top-level code changed the process as it loaded, and what it changed */
let changedBy: { file: string; left: string[] } | undefined;
/** examples sent and not yet run, by file: the worker retires after the last one of `changedBy` */
const queued = new Map<string, number>();
/** examples run since the process was last checked whole */
let uncheckedExamples = 0;
/** check the whole process after each example (see ToWorker) */
let strict = false;

async function run({ key, file, name }: { key: string; file: string; name: string }) {
  queued.set(file, queued.get(file)! - 1);
  if (retired) return;
  const capture = newCapture(key, file);
  examples.running = capture;
  before = activeResources();
  // the example's time starts once its file is loaded: loading has a bound of its own
  let started = performance.now();
  let error: RunError | undefined;
  // set while the file's module is what fails: its top-level code threw or exited
  let importing: string | undefined = file;
  try {
    await context.run(capture, async () => {
      const fresh = !modules.has(file);
      const loaded = await load(file, key);
      let module: Record<string, unknown>;
      try {
        module = await loaded.module;
        importing = undefined;
        started = performance.now();
      } finally {
        if (!loaded.claimed) {
          loaded.claimed = true;
          capture.stdout = CappedOutput.concat(loaded.output.stdout, capture.stdout);
          capture.stderr = CappedOutput.concat(loaded.output.stderr, capture.stderr);
          capture.rejections.push(...loaded.output.rejections);
          capture.exceptions.push(...loaded.output.exceptions);
          // later output of the module's own timers is the file's, reported as late
          loaded.output.settled = true;
        }
        if (fresh) loadedFile(file);
      }
      const fn = module[name];
      if (typeof fn !== "function") throw new TypeError(`${file} does not export a function named \`${name}\``);
      await fn();
    });
  } catch (thrown) {
    const exit = isProcessExit(thrown);
    if (exit && !capture.settled) exited(capture, (thrown as ProcessExit).code, importing);
    else if (!exit) error = serializeError(thrown);
  }
  const durationMs = Math.round(performance.now() - started);
  // a rejection without handler is reported after the microtask queue drains: give it one turn
  await new Promise((resolve) => setImmediate(resolve));
  if (capture.settled) {
    // the example called process.exit: its result is sent and the worker is exiting
    await new Promise(() => {});
  }
  // the cheap part of the check after every example; all of it at the end of each file's
  // examples, after anything that retires the worker, and after each example in strict mode
  const cheap = [...(await leftRunning()), ...globals.cheapChanges()];
  const checked = strict || cheap.length > 0 || queued.get(file) === 0;
  const deep = checked ? globals.deepChanges() : [];
  // a deep change is this example's doing only when no other example ran since the last check
  const suspect = deep.length > 0 && uncheckedExamples > 0;
  uncheckedExamples = checked ? 0 : uncheckedExamples + 1;
  const left = [...cheap, ...deep];
  capture.settled = true;
  examples.running = undefined;
  examples.previous = capture;
  // what the file changed as it loaded is the same for each of its examples, in any worker:
  // the worker runs the rest of them, and no other file's
  if (left.length === 0 && changedBy && queued.get(changedBy.file) === 0) left.push(`changes made while ${relativeTo(root, changedBy.file)} loaded: ${changedBy.left.join(", ")}`);
  retired = left.length > 0;
  const result = resultOf(capture, error ? "threw" : "returned", durationMs, error, undefined, error ? importing : undefined);
  send({ type: "result", result, recycle: false, checked, ...(retired ? { retire: left } : {}), ...(suspect ? { suspect } : {}) });
}

/**
 * What a file's top-level code left running or changed as it loaded is the file's (see
 * `changedBy`). A global it added (a library's `globalThis.awslambda`) is not: files that
 * import the same library would each need a worker of their own for it.
 */
function loadedFile(file: string) {
  const resources = addedResources(before, activeResources());
  if (resources.length === 0 && globals.changes().length === 0) return;
  const left = [...resources, ...globals.changes({ added: false })];
  if (left.length > 0) changedBy = { file, left: [...(changedBy?.left ?? []), ...left] };
  globals.rebase();
  before = activeResources();
}

/**
 * What the example started and left pending. A request or a child process that ends a moment
 * after the example returned (a client's background flush) is waited for, up to 100 ms; a timer
 * is not, since what it does when it fires belongs in a retired worker.
 */
async function leftRunning(): Promise<string[]> {
  const until = performance.now() + 100;
  let added = addedResources(before, activeResources());
  while (added.length > 0 && !added.some((kind) => kind.endsWith(" Timeout")) && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 5).unref());
    added = addedResources(before, activeResources());
  }
  return added;
}

let queue = Promise.resolve();
process.on("message", (message: ToWorker) => {
  // in the order they came, so that the loader never compiles a file it is about to be given
  if (message.type === "warm") {
    const files = message.files;
    queue = queue.then(() => precompileOnLoader(files));
  } else if (message.type === "compiled") {
    const files = message.files;
    queue = queue.then(() => provideToLoader(files));
  } else if (message.type === "run") {
    strict = message.strict ?? false;
    Object.assign(process.env, message.env);
    globals.rebaseEnv();
    for (const example of message.examples) {
      queued.set(example.file, (queued.get(example.file) ?? 0) + 1);
      queue = queue.then(() => run(example));
    }
  } else if (message.type === "status") {
    // no example running: the worker is still preparing files, and the example has not started
    if (!examples.running) send({ type: "status", waitingOn: [], starting: true });
    else send({ type: "status", waitingOn: addedResources(before, activeResources()), ...(loading ? { loading } : {}) });
  } else if (message.type === "close") void closeWhenQuiet();
});

/**
 * Ends the worker once the timers the examples left have fired (so their late output is still
 * reported), or after a grace period for those that never stop (an interval).
 */
async function closeWhenQuiet(graceMs = strayGraceMs) {
  const until = performance.now() + graceMs;
  const pendingTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
  await new Promise((resolve) => setImmediate(resolve));
  while (pendingTimers() > 0 && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 5).unref());
  }
  late.flush();
  send({ type: "closed" }, () => realExit(0));
}
/** how long a closing worker waits for the timers its examples left (see WorkerProcess) */
const strayGraceMs = 2000;

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

globals = snapshotGlobals();
// the worker's own pipes and channel are never what an example waits on
before = activeResources();
send({ type: "ready" });
