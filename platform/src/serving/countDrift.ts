import type { TrainingRange } from "./trainingRanges.ts";

/**
 * How many of the rows have a value outside the training range, per field; only fields with at
 * least one such value appear, so an in-range batch gives `{}`. Nulls are not drift. Pure.
 */
export function countDrift(rows: readonly Record<string, unknown>[], ranges: readonly TrainingRange[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const range of ranges) {
    let count = 0;
    for (const row of rows) {
      const value = row[range.field];
      if (typeof value === "number" && (value < range.min || value > range.max)) count++;
    }
    if (count > 0) counts[range.field] = count;
  }
  return counts;
}
