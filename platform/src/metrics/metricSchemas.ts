/**
 * What known metrics must look like, beyond being finite numbers. A metric whose name is not
 * here only needs finite numbers (and, for a series, at least one point).
 */
export interface MetricSchema {
  kind: "scalar" | "series";
  /** the closed range of a scalar's value, or of both coordinates of a series' points */
  range?: [number, number];
  /** a series whose x never decreases (curves drawn left to right) */
  increasingX?: boolean;
  describe: string;
}

const unit: [number, number] = [0, 1];

export const metricSchemas: Record<string, MetricSchema> = {
  auc: { kind: "scalar", range: unit, describe: "area under the ROC curve" },
  accuracy: { kind: "scalar", range: unit, describe: "share of correct predictions" },
  precision: { kind: "scalar", range: unit, describe: "share of predicted positives that are positive" },
  recall: { kind: "scalar", range: unit, describe: "share of positives predicted positive" },
  f1: { kind: "scalar", range: unit, describe: "harmonic mean of precision and recall" },
  loss: { kind: "scalar", range: [0, Infinity], describe: "training or validation loss" },
  roc: { kind: "series", range: unit, increasingX: true, describe: "ROC curve: false positive rate (x) against true positive rate (y)" },
  learning_curve: { kind: "series", increasingX: true, describe: "a score (y) by training step or size (x)" },
};
