import { fork } from "node:child_process";
import type { Socket } from "node:net";
import type { Field } from "../envelope/Envelope.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { columnsFromFrame, columnsToFrame, type Column, type ColumnBatch, type FramedColumn } from "./columnar.mjs";
import { createFrameReader, writeFrame } from "./frames.mjs";

/** A call of the model: rows as `/predict` takes them, or a batch's chunk as columns with the output fields to answer in. */
export type ModelCall = { rows: readonly unknown[] } | { batch: ColumnBatch; outputs: readonly Field[] };

/** What the model's process answers to a call: the predictions as they are, or as columns (a batch's chunk that fits its fields). */
export type ModelReply = { id: number; ok: true; outputs: unknown } | { id: number; ok: true; columns: Column[] } | { id: number; ok: false; name: string; message: string };

/** Why a model's process ended: in words (`exited with code 3`), and whether it ran out of memory. */
export interface ModelDeath {
  why: string;
  outOfMemory: boolean;
}

export interface ModelProcessOptions {
  source: string;
  state: unknown;
  /** names the model in messages, e.g. `churn@3` */
  label: string;
  /** the process's JavaScript heap limit (V8's --max-old-space-size) */
  memoryLimitMb: number;
  onReply: (reply: ModelReply) => void;
  /** told once, when the process ended after it had loaded the code */
  onDeath: (death: ModelDeath) => void;
}

/** One model process: `loaded` settles once its code is loaded (ENVELOPE_NOT_SERVABLE otherwise). */
export interface ModelProcess {
  /** the process id (undefined when the process could not start) */
  pid: number | undefined;
  loaded: Promise<void>;
  run(id: number, call: ModelCall): void;
  /** ends the process at once (SIGKILL) and resolves when it is gone */
  kill(): Promise<void>;
}

type Control = { type: "ready" } | { type: "refused"; message: string } | { type: "crashed"; name: string; message: string };

const childFile = new URL("./predictWorker.mjs", import.meta.url);
// what V8 prints before it aborts a process that ran out of heap
const outOfMemoryPattern = /heap out of memory|Reached heap limit|Allocation failed/;
const keptStderr = 4096;

/** the state as JSON can carry it: bytes as base64, anything else as it is */
function wrapState(state: unknown): { json: unknown } | { bytes: string } {
  return state instanceof Uint8Array ? { bytes: Buffer.from(state.buffer, state.byteOffset, state.byteLength).toString("base64") } : { json: state };
}

/**
 * Starts the model's code in a process of its own (predictWorker.mjs) with its heap capped at
 * `memoryLimitMb`, so that a model that leaks, hangs or crashes takes down that process only.
 * The process's output goes to this process's stdout and stderr, except V8's report of running
 * out of memory, which is kept to say why it died.
 */
export function spawnModelProcess(options: ModelProcessOptions): ModelProcess {
  const { NODE_OPTIONS: _loaderFlags, ...env } = process.env;
  const child = fork(childFile, [], { execArgv: [`--max-old-space-size=${options.memoryLimitMb}`], env, serialization: "json", stdio: ["ignore", "pipe", "pipe", "ipc", "pipe"] });
  let stderrTail = "";
  let fatal = false;
  child.stdout!.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  child.stderr!.on("data", (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString("utf8")).slice(-keptStderr);
    // V8's out-of-memory report (GC log, native stack) would bury the one line the pool logs
    fatal ||= /<--- Last few GCs --->|FATAL ERROR/.test(stderrTail);
    if (!fatal) process.stderr.write(chunk);
  });
  let ready = false;
  let crash: string | undefined;
  // the binary channel of a batch's chunks (frames.mjs); its replies are told like the IPC channel's
  const channel = child.stdio[4] as Socket;
  channel.on("error", () => {});
  channel.on(
    "data",
    createFrameReader(
      (header, buffers) => options.onReply((header["columns"] ? { ...header, columns: columnsFromFrame(header["columns"] as FramedColumn[], buffers) } : header) as ModelReply),
      (error) => {
        crash = `broke its binary channel (${(error as Error)?.message ?? String(error)})`;
        child.kill("SIGKILL");
      },
    ),
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const loaded = new Promise<void>((resolve, reject) => {
    child.on("message", (message: Control | ModelReply) => {
      if (!("type" in message)) return options.onReply(message);
      if (message.type === "ready") {
        ready = true;
        resolve();
      } else if (message.type === "refused") reject(new EnvelopeError("ENVELOPE_NOT_SERVABLE", `cannot serve ${options.label}: its custom code ${message.message}`));
      else crash = `crashed (${message.name}: ${message.message})`;
    });
    child.once("exit", (code, signal) => {
      const outOfMemory = outOfMemoryPattern.test(stderrTail);
      const why = outOfMemory ? `went over its memory limit (${options.memoryLimitMb} MB of JavaScript heap)` : (crash ?? (signal ? `was killed by ${signal}` : `exited with code ${code}`));
      // dying while it loads is the caller's to handle: refused at start, retried later
      if (!ready) return reject(new EnvelopeError("ENVELOPE_NOT_SERVABLE", `cannot serve ${options.label}: its worker ${why} while loading the custom code`));
      options.onDeath({ why, outOfMemory });
    });
    // also a send to a process that already died; its exit says why, so only a start failure counts
    child.on("error", (error) => reject(new EnvelopeError("ENVELOPE_NOT_SERVABLE", `cannot serve ${options.label}: its worker process did not start: ${error.message}`, { cause: error })));
  });
  child.send({ source: options.source, state: wrapState(options.state) });
  return {
    pid: child.pid,
    loaded,
    run(id, call) {
      // a send to a process that died meanwhile fails; its exit answers the call
      if ("rows" in call) return void child.send({ id, rows: call.rows }, () => {});
      const framed = columnsToFrame(call.batch.columns);
      writeFrame(channel, { id, rows: call.batch.rows, columns: framed.columns, outputs: call.outputs }, framed.buffers);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
