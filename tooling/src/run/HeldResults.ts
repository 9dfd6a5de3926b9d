import type { RunResult } from "../records/RunResult.ts";

/**
 * The results of a batch that do not stand yet: the worker checks the whole process only at
 * the end of each file's examples (see worker.ts), so a result stands once a check after it
 * found nothing changed (`confirm`), and is dropped when one found a change any of them may
 * have made (`drop`): those examples are run again, checked after each. Each result is told
 * to `onResult` as it comes (progress, and what finished before an interruption), so a
 * dropped one is told again when it is run again.
 */
export class HeldResults {
  private held: RunResult[] = [];

  constructor(
    private readonly standing: RunResult[],
    private readonly onResult: (result: RunResult) => void,
  ) {}

  hold(result: RunResult): void {
    this.held.push(result);
    this.onResult(result);
  }

  get size(): number {
    return this.held.length;
  }

  confirm(): void {
    this.standing.push(...this.held);
    this.held = [];
  }

  drop(): void {
    this.held = [];
  }
}
