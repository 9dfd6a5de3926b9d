import type { RunResult } from "../records/RunResult.ts";

/**
 * The results of a batch that do not stand yet: the worker checks the whole process only at
 * the end of each file's examples (see worker.ts), so a result stands once a check after it
 * found nothing changed (`confirm`), and is dropped when one found a change any of them may
 * have made (`drop`): those examples are run again, checked after each.
 */
export class HeldResults {
  private held: RunResult[] = [];

  constructor(
    private readonly standing: RunResult[],
    private readonly onResult: (result: RunResult) => void,
  ) {}

  hold(result: RunResult): void {
    this.held.push(result);
  }

  get size(): number {
    return this.held.length;
  }

  confirm(): void {
    for (const result of this.held) {
      this.standing.push(result);
      this.onResult(result);
    }
    this.held = [];
  }

  drop(): void {
    this.held = [];
  }
}
