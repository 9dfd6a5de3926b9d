import type { RunResult } from "../records/RunResult.ts";

/** how long a timed-out example's worker has to say what the example awaits */
const statusWaitMs = 250;

/**
 * The timeout of one example, or of the loading of its file. When it passes, it asks the worker
 * what the example awaits (`ask`), and stops it (`stop`) with the answer (`answer`), or as
 * still running code when the worker does not answer in time: its event loop is blocked. A
 * loading file is stopped at once: what its top-level code awaited is not the example's.
 */
export class ExampleTimeout {
  private timer: NodeJS.Timeout | undefined;
  private asked = false;

  constructor(
    readonly boundMs: number,
    loading: boolean,
    private readonly ask: () => void,
    private readonly stop: (stalled?: RunResult["stalled"]) => void,
  ) {
    this.timer = setTimeout(() => {
      this.asked = true;
      if (loading) return this.stop();
      this.ask();
      this.timer = setTimeout(() => this.stop({ state: "running", waitingOn: [] }), statusWaitMs);
    }, boundMs);
  }

  /** Whether the bound passed and the worker was asked, and the example has not settled since. */
  get overdue(): boolean {
    return this.asked;
  }

  /** The worker's answer to `ask`. */
  answer(waitingOn: string[]): void {
    if (!this.asked) return;
    this.cancel();
    this.stop({ state: waitingOn.length > 0 ? "waiting" : "idle", waitingOn });
  }

  /** The example settled: a later answer to `ask` is stale. */
  cancel(): void {
    clearTimeout(this.timer);
    this.asked = false;
  }
}
