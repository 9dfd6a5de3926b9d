import { fork, type ChildProcess } from "node:child_process";
import { typescriptLoader, workerFile } from "../fast/bundlePaths.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";
import type { RunResult } from "../records/RunResult.ts";
import { killProcessGroup } from "./killProcessGroup.ts";

export interface RunRequest {
  key: string;
  /** absolute path of the example's file */
  file: string;
  name: string;
  timeout: number;
}

export interface WorkerOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** called with output and errors an example produced after it settled */
  onLate: (message: Extract<FromWorker, { type: "late" }>) => void;
}

type Event = FromWorker | { type: "died"; detail: string };

/** one piece of output, mirrored as the example writes it */
interface Mirrored {
  key: string;
  stream: "stdout" | "stderr";
  text: string;
}

/**
 * One worker process. It runs a batch of examples one after the other and sends each result as
 * it comes; a timeout, a crash or `process.exit` ends the process, `alive` turns false, and the
 * examples of the batch not yet run are left for the pool to give to another worker.
 *
 * Each worker leads a process group of its own, killed whole whenever the worker ends (timeout,
 * crash, exit, close), so that the processes its examples spawned end with it. A process an
 * example spawns with `detached: true` leads a group of its own and escapes: it is left running.
 */
export class WorkerProcess {
  alive = true;
  /** milliseconds from the spawn until the worker was ready to run examples; undefined before */
  bootMs: number | undefined;
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private readonly exited: Promise<void>;
  private listener: ((event: Event) => void) | undefined;
  /** mirrored output by example key: it may arrive before the previous example's result */
  private readonly mirrored = new Map<string, { stdout: string; stderr: string }>();
  private diagnostics = "";
  /** called when the worker answers `close` */
  private closed: () => void = () => {};

  constructor(private readonly options: WorkerOptions) {
    const child = fork(workerFile, [], {
      cwd: options.cwd,
      env: options.env,
      // EXEMPLAR_WORKER_CPU_PROF=DIR writes a CPU profile of every worker, to see where time goes
      execArgv: ["--import", typescriptLoader, ...(process.env.EXEMPLAR_WORKER_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.EXEMPLAR_WORKER_CPU_PROF}`] : [])],
      // fd 4 carries the synchronous mirror of what the running example writes (see worker.ts)
      stdio: ["ignore", "pipe", "pipe", "ipc", "pipe"],
      // the worker leads a process group: killing the group ends what its examples spawned
      detached: true,
    });
    this.child = child;
    // on "exit" rather than "close": a process an example spawned with inherited stdio holds
    // the pipes open, and "close" waits for it
    child.on("exit", () => {
      this.alive = false;
      if (child.pid !== undefined) killProcessGroup(child.pid);
    });
    // sending to a worker that just died (killed on a timeout) must not crash the pool
    child.on("error", (error) => {
      this.diagnostics = `${this.diagnostics}\n${error.message}`.slice(-4000);
    });
    let pendingLine = "";
    (child.stdio[4] as NodeJS.ReadableStream).on("data", (chunk: Buffer) => {
      const lines = (pendingLine + chunk.toString()).split("\n");
      pendingLine = lines.pop()!;
      for (const line of lines) {
        const { key, stream, text } = JSON.parse(line) as Mirrored;
        const output = this.mirrored.get(key) ?? { stdout: "", stderr: "" };
        output[stream] += text;
        this.mirrored.set(key, output);
      }
    });
    // what the process writes around the capture (native crash messages) helps explain a crash
    const keep = (chunk: Buffer) => {
      this.diagnostics = (this.diagnostics + chunk.toString()).slice(-4000);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.exited = new Promise((resolve) => {
      // "close" comes after the output pipes are drained, so a crash report has all its output
      child.on("close", (code, signal) => {
        this.alive = false;
        const detail = signal ? `killed by ${signal}` : `exited with code ${code}`;
        this.listener?.({ type: "died", detail: `${detail}${this.diagnostics ? `\n${this.diagnostics.trim()}` : ""}` });
        resolve();
      });
    });
    const spawned = performance.now();
    this.ready = new Promise((resolve) => {
      child.on("message", (message: FromWorker) => {
        if (message.type === "ready") {
          this.bootMs = performance.now() - spawned;
          resolve();
        }
        else if (message.type === "late") this.options.onLate(message);
        else if (message.type === "closed") this.closed();
        else this.listener?.(message);
      });
    });
  }

  /** Resolves when the worker is ready to run examples, or has exited before it was. */
  started(): Promise<void> {
    return Promise.race([this.ready, this.exited]);
  }

  /**
   * Runs the examples in order. Resolves with the results of those that ran: all of them, or
   * fewer when one ended the worker (its result, a timeout, exit or crash, is the last).
   */
  async run(requests: readonly RunRequest[], env: Record<string, string>, onResult: (result: RunResult) => void): Promise<RunResult[]> {
    await this.started();
    const results: RunResult[] = [];
    if (!this.alive) {
      const result = this.stopped(requests[0]!, "crashed", performance.now(), `the worker process ${this.diagnostics || "could not start"}`);
      onResult(result);
      return [result];
    }
    return new Promise<RunResult[]>((resolve) => {
      let index = 0;
      let started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        started = performance.now();
        const request = requests[index]!;
        timer = setTimeout(() => {
          // stopped first, so that the batch ends here and its rest goes to another worker
          this.kill();
          finish(this.stopped(request, "timeout", started));
        }, request.timeout);
      };
      const finish = (result: RunResult, last = false) => {
        clearTimeout(timer);
        this.mirrored.delete(result.key);
        results.push(result);
        onResult(result);
        index++;
        if (last || !this.alive || index === requests.length) {
          this.listener = undefined;
          resolve(results);
        } else {
          arm();
        }
      };
      this.listener = (event) => {
        const request = requests[index]!;
        if (event.type === "result") {
          if (event.recycle) this.alive = false;
          finish(event.result);
        } else if (event.type === "died") {
          finish(this.stopped(request, "crashed", started, event.detail), true);
        }
      };
      arm();
      const message: ToWorker = {
        type: "run",
        env,
        examples: requests.map(({ key, file, name }) => ({ key, file, name })),
      };
      this.child!.send(message);
    });
  }

  /** the result of an example the worker could not finish, with what it had printed */
  private stopped(request: RunRequest, status: RunResult["status"], started: number, message?: string): RunResult {
    const { stdout, stderr } = this.mirrored.get(request.key) ?? { stdout: "", stderr: "" };
    const result: RunResult = {
      key: request.key, status, stdout, stderr,
      durationMs: Math.round(performance.now() - started),
      unhandledRejections: [], uncaughtExceptions: [], lateOutput: [],
    };
    if (message) result.error = { name: "Error", message };
    return result;
  }

  /** Has the worker import these files (absolute paths) while it waits for work. */
  preload(files: string[]): void {
    if (files.length > 0) this.child.send({ type: "preload", files } satisfies ToWorker);
  }

  /** Asks the worker to finish; it waits briefly for stray output, then exits. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.alive && this.child.connected) this.child.send({ type: "close" } satisfies ToWorker);
    else this.kill();
    // the worker waits up to a second for timers that outlived their example
    const force = setTimeout(() => this.kill(), 3000);
    // the worker's `closed` comes after all it had to say: its process need not be waited for,
    // it is exiting
    await Promise.race([this.exited, new Promise<void>((resolve) => (this.closed = resolve))]);
    clearTimeout(force);
  }

  /** Kills the worker and its process group at once. */
  kill(): void {
    this.alive = false;
    if (this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) killProcessGroup(this.child.pid);
  }
}
