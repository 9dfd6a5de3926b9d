import { Worker } from "node:worker_threads";

/** How long one `@expectMatch` or `@expectError /regex/` may run before the check gives up on it. */
export const regexTimeoutMs = 1000;

/** How long the matching thread may take to start; past that the machine, not a regex, is at fault. */
const startTimeoutMs = 30_000;

// slot 0 of the shared state says how the match went, slot 1 turns 1 once the thread listens
const pending = 0;
const unmatched = 1;
const matched = 2;

/** What became of one bounded match. */
export type RegexOutcome = "matched" | "unmatched" | "timed-out";

// node has no timeout for a regex, and irregexp backtracks: `/(a+)+$/` is exponential in the
// length of a run of `a`s, `/\d*\d*\d*x/` is cubic in a run of digits with no quantifier nested,
// and no cheap look at a pattern tells every such case apart, so every match is bounded, even a
// short one. each match runs on a thread of its own while this thread sleeps in `Atomics.wait`
// until the answer lands in shared memory or the time is up: that keeps `checkExample`
// synchronous, and a thread stuck in a regex is terminated (v8 interrupts a running regex) and
// replaced by a fresh one for the next match. the thread starts on the first regex check and is
// reused, and is unref'd so that it never keeps the process alive. its code is inline (`eval`)
// so that it runs the same from src/, from the bundle in dist/ and under test runners, and it
// gets no `execArgv` so that no loader starts in it.
const threadCode = `
const { parentPort, workerData } = require("node:worker_threads");
const state = workerData.state;
parentPort.on("message", ({ source, flags, text }) => {
  let outcome;
  try {
    outcome = new RegExp(source, flags).test(text) ? ${matched} : ${unmatched};
  } catch {
    outcome = ${unmatched};
  }
  Atomics.store(state, 0, outcome);
  Atomics.notify(state, 0);
});
Atomics.store(state, 1, 1);
Atomics.notify(state, 1);
`;

interface RegexThread {
  worker: Worker;
  state: Int32Array;
}

let current: RegexThread | undefined;

/**
 * Whether `pattern` matches `text`, as `pattern.test(text)` from `lastIndex` 0 would say (the
 * pattern object itself is left untouched), or `"timed-out"` when the match ran longer than
 * `timeoutMs`. Blocks the calling thread for at most that long after the matching thread is up.
 * A match that throws (a stack overflow in the regex engine) counts as unmatched.
 */
export function matchRegexBounded(pattern: RegExp, text: string, timeoutMs: number = regexTimeoutMs): RegexOutcome {
  const thread = current ?? startThread();
  const { state } = thread;
  Atomics.store(state, 0, pending);
  thread.worker.postMessage({ source: pattern.source, flags: pattern.flags, text });
  if (!waitForChange(state, 0, pending, timeoutMs)) {
    stopThread(thread);
    return "timed-out";
  }
  return Atomics.load(state, 0) === matched ? "matched" : "unmatched";
}

/** The id of the thread that runs bounded matches, if one is up: to see it reused or replaced. */
export function regexThreadId(): number | undefined {
  return current?.worker.threadId;
}

function startThread(): RegexThread {
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(threadCode, { eval: true, workerData: { state }, execArgv: [] });
  worker.unref();
  const thread: RegexThread = { worker, state };
  // a thread that died cannot answer: the next match starts another
  worker.on("error", () => forget(thread));
  worker.on("exit", () => forget(thread));
  if (!waitForChange(state, 1, 0, startTimeoutMs)) {
    stopThread(thread);
    throw new Error(`the thread that bounds regex checks did not start within ${startTimeoutMs} ms`);
  }
  current = thread;
  return thread;
}

/**
 * Sleeps until `state[index]` is no longer `value`, for at most `timeoutMs`; false if it still is.
 * A wake-up alone proves nothing: the thread's notify for the previous match can land after this
 * thread has already seen that answer and started waiting for the next one.
 */
function waitForChange(state: Int32Array, index: number, value: number, timeoutMs: number): boolean {
  const deadline = performance.now() + timeoutMs;
  while (Atomics.load(state, index) === value) {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(state, index, value, left);
  }
  return true;
}

function stopThread(thread: RegexThread): void {
  forget(thread);
  thread.worker.terminate().catch(() => undefined);
}

function forget(thread: RegexThread): void {
  if (current === thread) current = undefined;
}
