import type { ChildProcess } from "node:child_process";
import type { FromWorker, RunRequest, ToWorker } from "./protocol.ts";
import type { RunResult } from "../records/RunResult.ts";
import { killProcessGroup } from "./killProcessGroup.ts";
import { forkWorker } from "./forkWorker.ts";
import { stoppedResult } from "./stoppedResult.ts";
import { ExampleTimeout } from "./ExampleTimeout.ts";
import { blameImport } from "./blameImport.ts";
import { relativeTo } from "../files/relativeTo.ts";
import { HeldResults } from "./HeldResults.ts";
import { WorkerMirror } from "./WorkerMirror.ts";

export interface WorkerOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** called with output and errors an example produced after it settled */
  onLate: (message: Extract<FromWorker, { type: "late" }>) => void;
}

type Event = FromWorker | { type: "died"; detail: string };

/**
 * One worker process. It runs a batch of examples one after the other and sends each result as
 * it comes; a timeout, a crash or `process.exit` ends the process, `alive` turns false, and the
 * examples of the batch not yet run are left for the pool to give to another worker.
 *
 * Whenever the worker ends (timeout, crash, exit, close), so do the processes its examples
 * spawned (see forkWorker).
 */
export class WorkerProcess {
  alive = true;
  /** milliseconds from the spawn until the worker was ready to run examples; undefined before */
  bootMs: number | undefined;
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private readonly exited: Promise<void>;
  private listener: ((event: Event) => void) | undefined;
  private readonly mirror = new WorkerMirror();
  /** what the process wrote around the capture (see forkWorker) */
  private readonly diagnostics: () => string;
  /** set when results of this worker did not stand (see `run`): run them again with `strict` */
  suspect = false;
  /** the examples this worker ran, in order */
  readonly ran: RunRequest[] = [];
  /** the example after which the worker ran nothing more, and what it had left running */
  retiredBy: { key: string; left: string[] } | undefined;
  /** set when an example's leftover ended the worker and said so (a late `process.exit`) */
  private strayEnd: string | undefined;
  private closing: Promise<void> | undefined;
  /** killed by the pool, so nothing after is charged to an example */
  private killedByPool = false;
  /** called with the worker's answer to `status` */
  private onStatus: ((status: Extract<FromWorker, { type: "status" }>) => void) | undefined;
  private death: string | undefined;
  private closed: () => void = () => {};

  constructor(private readonly options: WorkerOptions) {
    const { child, diagnostics } = forkWorker(options.cwd, options.env);
    this.child = child;
    this.diagnostics = diagnostics;
    child.on("exit", () => void (this.alive = false));
    (child.stdio[4] as NodeJS.ReadableStream).on("data", (chunk: Buffer) => this.mirror.read(chunk));
    this.exited = new Promise((resolve) => {
      // "close" comes after the output pipes are drained, so a crash report has all its output
      child.on("close", (code, signal) => {
        this.alive = false;
        this.death = signal ? `killed by ${signal}` : `exited with code ${code}`;
        this.listener?.({ type: "died", detail: `${this.death}${this.diagnostics() ? `\n${this.diagnostics().trim()}` : ""}` });
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
        else if (message.type === "late") {
          if (message.stray) this.strayEnd = message.key;
          this.options.onLate(message);
        }
        else if (message.type === "closed") this.closed();
        else if (message.type === "status") this.onStatus?.(message);
        else this.listener?.(message);
      });
    });
  }

  /** Resolves when the worker is ready to run examples, or has exited before it was. */
  started(): Promise<void> {
    return Promise.race([this.ready, this.exited]);
  }

  /**
   * Runs the examples in order. Resolves with the results of those that ran: all, or fewer when
   * one ended the worker (a timeout, exit or crash) or left something running (the worker is
   * then retired, see `close`). An example under which a worker died of an earlier example's
   * leftover (a late `process.exit`) gets no result here: it is run again on a fresh worker.
   */
  async run(requests: readonly RunRequest[], env: Record<string, string>, onResult: (result: RunResult) => void, strict = false): Promise<RunResult[]> {
    await this.started();
    const results: RunResult[] = [];
    if (!this.alive) {
      const result = this.stopped(requests[0]!, "crashed", performance.now(), `the worker process ${this.diagnostics() || "could not start"}`);
      onResult(result);
      return [result];
    }
    return new Promise<RunResult[]>((resolve) => {
      let index = 0;
      let started = performance.now();
      let timeout: ExampleTimeout | undefined;
      // a file's top-level code has a bound of its own: loading is not the example's time
      const arm = (loading = false) => {
        timeout?.cancel();
        started = performance.now();
        const request = requests[index]!;
        const bound = loading ? Math.max(minImportMs, ...requests.filter((other) => other.file === request.file).map((other) => other.timeout)) : request.timeout;
        // stopped first, so that the batch ends here and its rest goes to another worker
        timeout = new ExampleTimeout(bound, loading, () => this.child.send({ type: "status" } satisfies ToWorker), (stalled) => {
          this.kill();
          end({ ...this.stopped(request, "timeout", started), durationMs: bound, ...(stalled ? { stalled } : {}) });
        });
      };
      this.mirror.onPhase = (phase) => arm(phase === "importing");
      // a file loading (not yet on the mirror), or an example not started: its bound (a late answer is stale)
      this.onStatus = ({ waitingOn, loading, starting }) => void (!timeout?.overdue ? undefined : starting || (loading && this.mirror.importing === undefined) ? arm(true) : timeout.answer(waitingOn));
      const held = new HeldResults(results, onResult);
      const record = (result: RunResult) => {
        this.mirror.forget(result.key);
        this.ran.push(requests[index]!);
        held.hold(result);
        index++;
      };
      const distrust = () => {
        held.drop();
        this.suspect = true;
        this.abort();
      };
      const done = () => {
        timeout?.cancel();
        this.listener = this.onStatus = undefined;
        this.mirror.onPhase = undefined;
        resolve(results);
      };
      // the worker ended: when its file was loading, the file's top-level code is to blame, and
      // each example of the file left in the batch gets the same result
      const end = (result: RunResult) => {
        const file = this.mirror.importing;
        // the worker is gone, so the examples before it are not checked again: a change to a
        // built-in that makes a later example of the file crash or hang is not seen
        if (file === undefined) record(result);
        else blameImport(result, requests, index, file, relativeTo(this.options.cwd, file)).forEach(record);
        held.confirm();
        done();
      };
      this.listener = (event) => {
        const request = requests[index]!;
        if (event.type === "result") {
          // the worker's clock decides, whatever order the pool reads its pipes and timers in
          timeout?.cancel();
          if (event.result.durationMs > request.timeout && event.result.status !== "exit") event.result.status = "timeout";
          if (event.result.importing !== undefined) event.result.importing = relativeTo(this.options.cwd, event.result.importing);
          if (event.recycle) {
            this.alive = false;
            if (event.result.importing !== undefined) this.mirror.importing = requests[index]!.file;
            end(event.result);
            return;
          }
          record(event.result);
          if (event.suspect) distrust();
          else if (event.checked) held.confirm();
          if (event.retire) {
            this.retiredBy = { key: event.result.key, left: event.retire };
            this.alive = false;
            void this.close();
          }
          if (!this.alive || index === requests.length) done();
          else arm();
        } else if (event.type === "died") {
          // a late `process.exit` of an earlier example ended the worker: not this example's doing
          if (this.strayEnd !== undefined && this.strayEnd !== request.key) held.confirm(), done();
          else end(this.stopped(request, "crashed", started, event.detail));
        }
      };
      arm();
      this.child.send({ type: "run", env, strict, examples: requests.map(({ key, file, name }) => ({ key, file, name })) } satisfies ToWorker);
    });
  }

  /** the result of an example the worker could not finish, with what it had printed */
  private stopped(request: RunRequest, status: RunResult["status"], started: number, message?: string): RunResult {
    return stoppedResult(request.key, status, Math.round(performance.now() - started), this.mirror.printed(request.key), message);
  }

  /**
   * Prepares files the worker may run, without running any of their code: `warm` has it compile
   * them (absolute paths), `compiled` hands it their JavaScript made ahead (see `CompiledFile`).
   */
  prepare(message: Extract<ToWorker, { type: "warm" | "compiled" }>): void {
    if (message.files.length > 0) this.child.send(message);
  }

  /**
   * Asks the worker to finish once the timers its examples left have fired (two seconds at
   * most). A retired worker (see `run`) that dies before it answers, or is still busy after
   * `closeGraceMs`, has that charged to the example that retired it (a late `stray`).
   */
  close(): Promise<void> {
    this.closing ??= this.closeNow();
    return this.closing;
  }

  private async closeNow(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if ((this.alive || this.retiredBy) && this.child.connected) this.child.send({ type: "close" } satisfies ToWorker);
    else this.kill();
    let busy = false;
    const force = setTimeout(() => {
      busy = true;
      this.kill();
    }, closeGraceMs);
    let answered = false;
    await Promise.race([this.exited, new Promise<void>((resolve) => (this.closed = () => resolve(void (answered = true))))]);
    clearTimeout(force);
    const retired = this.retiredBy;
    if (!retired || answered || this.strayEnd !== undefined || this.killedByPool) return;
    const how = busy ? `kept its worker busy for more than ${closeGraceMs / 1000} s after it returned (an endless loop?), so the worker was killed` : `ended its worker (${this.death})`;
    this.options.onLate({ type: "late", key: retired.key, stray: `(${retired.left.join(", ")}) ${how}` });
  }

  /** Kills the worker and its process group at once. */
  kill(): void {
    this.alive = false;
    if (this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) killProcessGroup(this.child.pid);
  }

  /** Kills the worker for the pool's own reasons (an interrupted run, results that did not stand). */
  abort(): void {
    this.killedByPool = true;
    this.kill();
  }
}

/** the least time a file's top-level code gets to load, whatever its examples' timeouts */
const minImportMs = 5000;

/** how long a closing worker may take: it waits two seconds for its examples' timers, then exits */
const closeGraceMs = 4000;
