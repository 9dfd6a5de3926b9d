import { compareInlineValue } from "../check/compareInlineValue.ts";
import type { InlineOutcome } from "../records/InlineOutcome.ts";
import { inlineRecorderKey } from "./instrumentInlineResults.ts";
import type { Capture } from "./workerCapture.ts";

/**
 * Installs the recorder that instrumented files call (see instrumentInlineResults): each value
 * a `//=>` check records is compared with its VALUE as it is made (a later change to the same
 * object does not count), in the running example's async context, and the outcome kept on the
 * example's capture (`inline`, by line). A check of another file (an example calling another
 * file's example function), or one that runs after its example settled, is not counted: the
 * example whose check never ran while it ran fails for it (see checkExample).
 */
export function installInlineRecorder(owner: () => Capture | undefined): void {
  const record = (file: string, line: number, expected: string, kind: "value" | "logged", value: unknown): unknown => {
    const target = owner();
    if (target === undefined || target.settled || target.file !== file) return value;
    const outcomes = (target.inline ??= new Map<number, InlineOutcome>());
    let outcome = outcomes.get(line);
    if (outcome === undefined) outcomes.set(line, (outcome = { line, runs: 0 }));
    outcome.runs++;
    // the first mismatch is the one told; later runs are only counted
    if (outcome.mismatch === undefined) {
      const mismatch = compareInlineValue(value, expected, kind);
      if (mismatch) outcome.mismatch = mismatch;
    }
    return value;
  };
  // before the globals snapshot, and not enumerable: no example's change
  Object.defineProperty(globalThis, inlineRecorderKey, { value: record });
}
