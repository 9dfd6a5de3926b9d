import { expect, test } from "vitest";
import { findExamples } from "../../src/find/findExamples.ts";
import { keepShownOutput } from "../../src/splice/keepShownOutput.ts";
import { verdict } from "./fixtureContext.ts";

const source = `
/**
 * @example volatile
 * @expect
 * saved {...} in {...} ms
 * done
 */
export function volatile() {}

/**
 * @example stable
 * @expect
 * done
 */
export function stable() {}

/**
 * @example contains
 * @expectContains saved
 */
export function contains() {}

/**
 * @example both
 * @expect
 * saved {...}
 * @expectContains saved a
 */
export function both() {}
`;
const { examples } = findExamples([{ file: "examples/a.ts", text: source }]);
const example = (key: string) => examples.find((candidate) => candidate.key === key)!;

test.each([
  // the shown text differs from this run's only inside `{...}` spans: it stays
  ["volatile", "saved 7f3a in 12 ms\ndone\n", "saved 91bc in 15 ms\ndone\n", "saved 7f3a in 12 ms\ndone\n"],
  // the same, with the shown text's trailing spaces and blank lines (which @expect ignores)
  ["volatile", "saved 7f3a in 12 ms  \ndone\n\n", "saved 91bc in 15 ms\ndone\n", "saved 7f3a in 12 ms  \ndone\n\n"],
  // an empty block shows nothing that matches: this run's output fills it
  ["volatile", "", "saved 91bc in 15 ms\ndone\n", "saved 91bc in 15 ms\ndone\n"],
  // the shown text no longer matches @expect (the example changed): this run's output
  ["volatile", "saved 7f3a in 12 ms\n", "saved 91bc in 15 ms\ndone\n", "saved 91bc in 15 ms\ndone\n"],
  // what was shown was no output of this example's at all
  ["volatile", "hello\n", "saved 91bc in 15 ms\ndone\n", "saved 91bc in 15 ms\ndone\n"],
  // without wildcards, matching lines are equal lines: nothing to keep but trailing spaces
  ["stable", "done  \n", "done\n", "done  \n"],
  // no @expect lines pin the output: any text holding `saved` would pass, so this run's output
  ["contains", "saved before\n", "saved now\n", "saved now\n"],
  // every stdout expectation must hold for the shown text, not only @expect
  ["both", "saved b\n", "saved a\n", "saved a\n"],
  ["both", "saved a, before\n", "saved a, now\n", "saved a, before\n"],
])("%s: shown %j, printed %j -> %j", (key, shown, stdout, expected) => {
  expect(keepShownOutput(verdict(example(key), "passed", stdout), shown)).toBe(expected);
});
