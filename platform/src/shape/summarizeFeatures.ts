import type { FeatureSummary, Field } from "../envelope/Envelope.ts";
import { deriveFields } from "./deriveFields.ts";

/**
 * Summary statistics of each column of the sample rows: count of values, nulls (or missing),
 * and min/max/mean for numbers, distinct count for strings, count of `true` for booleans.
 * Pass `fields` when already derived; otherwise they are derived (and checked) from the rows.
 */
export function summarizeFeatures(rows: readonly Record<string, unknown>[], fields: Field[] = deriveFields(rows)): Record<string, FeatureSummary> {
  const summaries: Record<string, FeatureSummary> = {};
  for (const field of fields) {
    const values = rows.map((row) => row[field.name]).filter((value) => value !== null && value !== undefined);
    const count = values.length;
    const nulls = rows.length - count;
    if (field.type === "string") {
      summaries[field.name] = { type: "string", count, nulls, distinct: new Set(values).size };
    } else if (field.type === "boolean") {
      summaries[field.name] = { type: "boolean", count, nulls, trues: values.filter((value) => value === true).length };
    } else {
      const numbers = values as number[];
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      for (const number of numbers) {
        if (number < min) min = number;
        if (number > max) max = number;
        sum += number;
      }
      summaries[field.name] = count === 0 ? { type: field.type, count, nulls, min: null, max: null, mean: null } : { type: field.type, count, nulls, min, max, mean: sum / count };
    }
  }
  return summaries;
}
