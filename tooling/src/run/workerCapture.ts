/**
 * How the worker process captures what examples write and throw. Output is attributed by async
 * context, so a timer that outlives its example is reported against that example and not the
 * one running when it fires.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { writeSync } from "node:fs";
import { inspect } from "node:util";
import type { FromWorker } from "./protocol.ts";
import type { InlineOutcome } from "../records/InlineOutcome.ts";
import type { RunError, RunResult } from "../records/RunResult.ts";
import { CappedOutput } from "./CappedOutput.ts";
import { LateOutputQueue } from "./LateOutputQueue.ts";
import { serializeError } from "./serializeError.ts";

export interface Capture {
  /** an example's key, or `module <file>` for what a module does while and after it loads */
  key: string;
  /** an example's file (absolute), whose `//=>` checks are its own (see installInlineRecorder) */
  file?: string;
  /** what its `//=>` checks found, by line; made by the first check that runs */
  inline?: Map<number, InlineOutcome>;
  /** the first `outputLimitBytes` of each stream, and a count of the rest (see CappedOutput) */
  stdout: CappedOutput;
  stderr: CappedOutput;
  /** bytes mirrored to the pool so far (see `mirror`) */
  mirrored: number;
  settled: boolean;
  rejections: RunError[];
  exceptions: RunError[];
}

export const context = new AsyncLocalStorage<Capture>();
/** the example running now, and the one before it */
export const examples: { running?: Capture | undefined; previous?: Capture | undefined } = {};

export const send = (message: FromWorker, callback?: () => void) => {
  process.send!(message, undefined, {}, callback);
};

export const late = new LateOutputQueue(send);

/** the example a piece of output or an error belongs to */
export const owner = () => context.getStore() ?? examples.running ?? examples.previous;

/** What the worker's `process.exit` throws to stop the code that called it, once the exit is reported. */
export class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code}) called`);
  }
}

export function isProcessExit(value: unknown): value is ProcessExit {
  // `instanceof` itself throws on a Proxy whose getPrototypeOf trap throws: not our ProcessExit
  try {
    return value instanceof ProcessExit;
  } catch {
    return false;
  }
}

export function newCapture(key: string, file?: string): Capture {
  const capture: Capture = { key, ...(file === undefined ? {} : { file }), stdout: new CappedOutput(), stderr: new CappedOutput(), mirrored: 0, settled: false, rejections: [], exceptions: [] };
  // it is the async context's store, which util.inspect shows on every promise an example makes
  return Object.defineProperty(capture, inspect.custom, { value: () => "[exemplar capture]" });
}

// the pool reads this descriptor: what an example writes is mirrored there synchronously, so
// that when the example hangs in a loop or kills its process, the report still shows what it
// printed before. Only the first part of each example's output: it is for diagnosis.
const mirrorFd = 4;
const mirrorLimit = 32 * 1024;
function mirror(target: Capture, stream: "stdout" | "stderr", text: string) {
  if (target.mirrored >= mirrorLimit) return;
  const part = text.slice(0, mirrorLimit - target.mirrored);
  target.mirrored += part.length;
  writeMirror({ key: target.key, stream, text: part });
}

/**
 * Tells the pool, synchronously, that the running example's file starts or ends loading: a
 * worker that dies or hangs in between was killed by the file's top-level code, not by an example.
 */
export function mirrorPhase(key: string, phase: "importing" | "imported", file: string): void {
  writeMirror({ key, phase, file });
}

function writeMirror(line: object) {
  try {
    writeSync(mirrorFd, JSON.stringify(line) + "\n");
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
      if (target === examples.running && kept) mirror(target, stream, kept);
    }
    else if (target) late.write(target.key, text);
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done as () => void);
    return true;
  };
  process[stream].write = write as typeof process.stdout.write;
}

/** Routes the process's output, rejections and uncaught exceptions to their examples. */
export function installCapture(): void {
  capture("stdout");
  capture("stderr");
  // a ProcessExit that reaches these handlers was thrown by a late `process.exit`, already reported
  process.on("unhandledRejection", (reason) => {
    const target = owner();
    if (!target || isProcessExit(reason)) return;
    if (target.settled) send({ type: "late", key: target.key, rejection: serializeError(reason) });
    else target.rejections.push(serializeError(reason));
  });
  process.on("uncaughtException", (error) => {
    const target = owner();
    if (!target || isProcessExit(error)) return;
    if (target.settled) send({ type: "late", key: target.key, exception: serializeError(error) });
    else target.exceptions.push(serializeError(error));
  });
}

export function resultOf(capture: Capture, status: RunResult["status"], durationMs: number, error?: RunError, exitCode?: number, importing?: string): RunResult {
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
  if (importing !== undefined) run.importing = importing;
  if (capture.inline) run.inline = [...capture.inline.values()];
  if (capture.stdout.truncatedBytes > 0) run.stdoutTruncatedBytes = capture.stdout.truncatedBytes;
  if (capture.stderr.truncatedBytes > 0) run.stderrTruncatedBytes = capture.stderr.truncatedBytes;
  return run;
}
