import { checkExample } from "../check/checkExample.ts";
import type { Verdict } from "../records/Verdict.ts";

/**
 * What an `example-output` block shows after a passing run (`verdict`): the text it already
 * shows (`shown`, see `shownContent`) when that text passes the example's checks as well as this
 * run's stdout does, else this run's stdout. Only for an example with `@expect` lines, which pin
 * every line but for their `{...}` spans: a committed page then keeps its ids, ports and
 * durations, so splicing or building an unchanged commit again changes no byte, while a change
 * outside those spans (or an empty block) shows what this run printed. Pure.
 */
export function keepShownOutput(verdict: Verdict, shown: string): string {
  const { example, result } = verdict;
  if (shown === result.stdout || shown === "") return result.stdout;
  if (verdict.status !== "passed" || !example.expectations.some((expectation) => expectation.kind === "exact")) return result.stdout;
  // the same checks, with the shown text as what it printed (its //=> outcomes are this run's)
  return checkExample(example, { ...result, stdout: shown }).status === "passed" ? shown : result.stdout;
}
