import type { FeatureSummary, Field } from "../envelope/Envelope.ts";

/** The range of a numeric input seen in training. */
export interface TrainingRange {
  field: string;
  min: number;
  max: number;
}

/**
 * The training ranges of the numeric inputs, from the envelope's summary statistics. Strings
 * and booleans have none (their summaries keep counts, not values); a numeric feature without
 * values or without a summary has none either, so nothing is counted as drift for it.
 */
export function trainingRanges(inputs: readonly Field[], features: Record<string, FeatureSummary>): TrainingRange[] {
  const ranges: TrainingRange[] = [];
  for (const field of inputs) {
    const summary = features[field.name];
    if (summary && (summary.type === "number" || summary.type === "integer") && summary.min !== null && summary.max !== null) ranges.push({ field: field.name, min: summary.min, max: summary.max });
  }
  return ranges;
}
