import { checkExample } from "../check/checkExample.ts";
import type { Example } from "../records/Example.ts";
import type { Run } from "../records/Run.ts";
import type { RunResult } from "../records/RunResult.ts";
import type { Verdict } from "../records/Verdict.ts";

/**
 * The dev server's first run of every example, as its examples finish: a page is served as soon
 * as the examples it shows have their verdicts, not when the last example of the project ends
 * (the cold start of `docs:dev`). A verdict told early may still be replaced by the run's own:
 * the worker confirms a file's results only after its last example (see HeldResults), and
 * runs them again when an isolation check fails. Pages served early are spliced again when the
 * run ends, and those that changed are reloaded.
 */
export class FirstRun {
  private readonly byKey: ReadonlyMap<string, Example>;
  private readonly verdicts = new Map<string, Verdict>();
  /** the pages waiting: the keys each needs, and how to wake it */
  private readonly waiting = new Map<() => void, readonly string[]>();
  private over = false;
  /** verdicts told (one may be told again) in all, and when `take` last took them */
  private told = 0;
  private taken = 0;

  constructor(examples: readonly Example[]) {
    this.byKey = new Map(examples.map((example) => [example.key, example]));
  }

  /** for `runExamples`' `onResult`: checks the result as the run will, and wakes the pages waiting for it */
  readonly onResult = (result: RunResult) => {
    const example = this.byKey.get(result.key);
    if (!example || this.over) return;
    this.verdicts.set(result.key, checkExample(example, result));
    this.told++;
    for (const wake of [...this.waiting.keys()]) wake();
  };

  /** the run ended (or failed): every page waiting is served now */
  end() {
    this.over = true;
    for (const wake of [...this.waiting.keys()]) wake();
  }

  /** for `runExamples`' `urgent`: the keys the pages waiting still need, run before the rest */
  readonly urgent = (): ReadonlySet<string> => {
    const keys = new Set<string>();
    for (const needed of this.waiting.values()) for (const key of needed) if (!this.verdicts.has(key)) keys.add(key);
    return keys;
  };

  get ended() {
    return this.over;
  }

  /**
   * resolves once every one of `keys` has a verdict, or the run has ended; keys no example has
   * (a page's typo) are not waited for: their blocks say so whatever the run does
   */
  whenDone(keys: Iterable<string>): Promise<void> {
    const needed = [...keys].filter((key) => this.byKey.has(key));
    return new Promise((resolve) => {
      const check = () => {
        if (!this.over && needed.some((key) => !this.verdicts.has(key))) return;
        this.waiting.delete(check);
        resolve();
      };
      this.waiting.set(check, needed);
      check();
    });
  }

  /**
   * the verdicts so far as a partial run, and the keys it covers (for `mergeRun`); undefined when
   * none came since the last call, or the run has ended
   */
  take(): { run: Run; covered: Set<string> } | undefined {
    if (this.over || this.told === this.taken) return undefined;
    this.taken = this.told;
    const verdicts = [...this.verdicts.values()];
    return { run: { examples: verdicts.map((verdict) => verdict.example), verdicts, ran: true, durationMs: 0 }, covered: new Set(this.verdicts.keys()) };
  }
}
