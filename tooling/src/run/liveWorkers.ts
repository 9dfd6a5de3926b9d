/** What the registry needs of a worker: a way to end it and the processes its examples spawned. */
export interface Killable {
  kill(): void;
}

/**
 * The worker processes of this process that have not exited yet. A worker adds itself when it
 * is forked and removes itself when it exited, so that a signal to the CLI can end every worker
 * at once (see `cli/interruptOnSignal.ts`): workers lead process groups of their own (see
 * `WorkerProcess`), so the terminal's Ctrl-C no longer reaches them, and a SIGTERM to the CLI
 * alone would leave them running.
 */
class LiveWorkers {
  private readonly live = new Set<Killable>();
  private stoppedBy: string | undefined;

  add(worker: Killable): void {
    this.live.add(worker);
  }

  delete(worker: Killable): void {
    this.live.delete(worker);
  }

  get size(): number {
    return this.live.size;
  }

  /**
   * Why no worker may be forked now (`stop`'s reason), or undefined: a run that was interrupted
   * gives its remaining examples to new workers, which must not start.
   */
  get refusal(): string | undefined {
    return this.stoppedBy;
  }

  /** Kills every live worker and its process group. */
  killAll(): void {
    for (const worker of [...this.live]) worker.kill();
  }

  /** Kills every live worker and refuses new ones, until `resume`; `reason` ends up in their results. */
  stop(reason: string): void {
    this.stoppedBy = reason;
    this.killAll();
  }

  /** Lets workers be forked again after `stop`. */
  resume(): void {
    this.stoppedBy = undefined;
  }
}

/** The one registry of the process's workers. */
export const liveWorkers = new LiveWorkers();
