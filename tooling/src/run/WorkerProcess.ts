import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { FromWorker, ToWorker } from "./protocol.ts";
import type { RunResult } from "./RunResult.ts";

const workerFile = fileURLToPath(new URL("./worker.ts", import.meta.url));
const tsxLoader = import.meta.resolve("tsx");

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

/**
 * One worker process, running one example at a time. A timeout, a crash or `process.exit`
 * ends the process; `alive` then turns false and the pool starts another.
 */
export class WorkerProcess {
  alive = true;
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private pending: ((message: FromWorker | { type: "died"; detail: string }) => void) | undefined;
  private diagnostics = "";

  constructor(private readonly options: WorkerOptions) {
    this.child = fork(workerFile, [], {
      cwd: options.cwd,
      env: options.env,
      execArgv: ["--import", tsxLoader],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    // what the process writes around the capture (native crash messages) helps explain a crash
    const keep = (chunk: Buffer) => {
      this.diagnostics = (this.diagnostics + chunk.toString()).slice(-4000);
    };
    this.child.stdout!.on("data", keep);
    this.child.stderr!.on("data", keep);
    this.ready = new Promise((resolve) => {
      const onReady = (message: FromWorker) => {
        if (message.type !== "ready") return;
        this.child.off("message", onReady);
        resolve();
      };
      this.child.on("message", onReady);
    });
    this.child.on("message", (message: FromWorker) => {
      if (message.type === "late") this.options.onLate(message);
      else if (message.type !== "ready") this.pending?.(message);
    });
    this.child.on("exit", (code, signal) => {
      this.alive = false;
      const detail = signal ? `killed by ${signal}` : `exited with code ${code}`;
      this.pending?.({ type: "died", detail: `${detail}${this.diagnostics ? `\n${this.diagnostics.trim()}` : ""}` });
    });
  }

  /** Runs one example; always resolves with a result, whatever the example does. */
  async run(request: RunRequest): Promise<RunResult> {
    await Promise.race([this.ready, new Promise((resolve) => this.child.once("exit", resolve))]);
    const started = performance.now();
    let stdout = "";
    let stderr = "";
    const partial = (status: RunResult["status"], message?: string): RunResult => {
      const result: RunResult = {
        key: request.key, status, stdout, stderr,
        durationMs: Math.round(performance.now() - started),
        unhandledRejections: [], uncaughtExceptions: [], lateOutput: [],
      };
      if (message) result.error = { name: "Error", message };
      return result;
    };
    if (!this.alive) return partial("crashed", `the worker process ${this.diagnostics || "could not start"}`);
    return new Promise<RunResult>((resolve) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.kill();
        resolve(partial("timeout"));
      }, request.timeout);
      this.pending = (message) => {
        if (message.type === "output") {
          stdout += message.stdout;
          stderr += message.stderr;
          return;
        }
        clearTimeout(timer);
        this.pending = undefined;
        if (message.type === "result") {
          if (message.recycle) this.alive = false;
          resolve(message.result);
        } else if (message.type === "died") {
          resolve(partial("crashed", message.detail));
        }
      };
      const message: ToWorker = { type: "run", key: request.key, file: request.file, name: request.name };
      this.child.send(message);
    });
  }

  /** Asks the worker to finish; it waits briefly for stray output, then exits. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    if (this.child.connected) this.child.send({ type: "close" } satisfies ToWorker);
    else this.kill();
    const force = setTimeout(() => this.kill(), 2000);
    await exited;
    clearTimeout(force);
  }

  kill(): void {
    this.alive = false;
    this.child.kill("SIGKILL");
  }
}
