import { expect, test } from "vitest";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { validateMetrics } from "../../src/metrics/validateMetric.ts";

function problems(metrics: unknown): string[] {
  try {
    validateMetrics(metrics);
    return [];
  } catch (error) {
    return (error as EnvelopeError).problems.map((problem) => `${problem.path}: ${problem.expected}`);
  }
}

test.each([
  // valid scalars and series, known and not
  [[{ name: "auc", kind: "scalar", value: 0.91 }, { name: "custom.score", kind: "scalar", value: 1e6, step: 3 }, { name: "roc", kind: "series", points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }], []],
  // a known scalar out of range
  [[{ name: "auc", kind: "scalar", value: 1.2 }], ["metrics[0].value: a number in [0, 1] for auc"]],
  // a known metric of the wrong kind
  [[{ name: "roc", kind: "scalar", value: 0.5 }], ['metrics[0].kind: "series" for roc (ROC curve: false positive rate (x) against true positive rate (y))']],
  // non-finite numbers (as JSON would never carry them, but a client might)
  [[{ name: "loss", kind: "scalar", value: Number.NaN }], ["metrics[0].value: a number in [0, Infinity] for loss"]],
  // series: empty, decreasing x, bad point
  [[{ name: "learning_curve", kind: "series", points: [] }], ["metrics[0].points: at least one point"]],
  [[{ name: "learning_curve", kind: "series", points: [{ x: 2, y: 1 }, { x: 1, y: 1 }] }], ["metrics[0].points[1].x: a value >= 2 (the x of learning_curve never decreases)"]],
  [[{ name: "pr", kind: "series", points: [{ x: "a", y: 1 }] }], ["metrics[0].points[0].x: a finite number"]],
  // names, kinds, unknown fields
  [[{ name: "Bad Name", kind: "gauge", value: 1 }], ["metrics[0].name: a metric name (lowercase letters, digits, '_', '.', '-')", "metrics[0].kind: one of scalar, series"]],
  [[{ name: "auc", kind: "scalar", value: 0.5, vlaue: 1 }], ["metrics[0].vlaue: no such field (known: name, kind, value, step)"]],
  ["not a list", ["metrics: an array"]],
])("validateMetrics(%j)", (metrics, expected) => {
  expect(problems(metrics)).toEqual(expected);
});
