import { Registry } from "@envelope/platform";

/**
 * Metrics are scalars (`auc = 0.91`) or series (a learning curve, an ROC curve as points). Save
 * them with the model, log more later, read them all back in order.
 * @example platform.metrics
 * @expect
 * auc = 0.91
 * roc: 4 points, from (0, 0) to (1, 1)
 * learning_curve: 3 points, last y = 0.88
 */
export async function metrics() {
  const registry = Registry.fromEnv();
  const saved = await registry.save({
    name: "fraud-score",
    artifact: { trees: 12 },
    inputs: [{ amount: 12.5 }],
    outputs: [{ fraud: 0.02 }],
    metrics: [{ name: "auc", kind: "scalar", value: 0.91 }],
  });
  await registry.logMetrics("fraud-score", saved.version, [
    { name: "roc", kind: "series", x: "false positive rate", y: "true positive rate", points: [{ x: 0, y: 0 }, { x: 0.1, y: 0.7 }, { x: 0.4, y: 0.93 }, { x: 1, y: 1 }] },
    { name: "learning_curve", kind: "series", points: [{ x: 100, y: 0.71 }, { x: 1000, y: 0.84 }, { x: 10000, y: 0.88 }] },
  ]);
  for (const metric of await registry.metrics("fraud-score", saved.version)) {
    if (metric.kind === "scalar") console.log(`${metric.name} = ${metric.value}`);
    else if (metric.name === "roc") console.log(`roc: ${metric.points.length} points, from (${metric.points[0]!.x}, ${metric.points[0]!.y}) to (${metric.points.at(-1)!.x}, ${metric.points.at(-1)!.y})`);
    else console.log(`${metric.name}: ${metric.points.length} points, last y = ${metric.points.at(-1)!.y}`);
  }
}

/**
 * Each metric is checked against its schema: `auc` is in [0, 1], an ROC curve's x never
 * decreases. Every problem is listed, with its place.
 * @example platform.metrics-invalid
 * @expect
 * POST /v1/models/fraud-score-bad/versions/1/metrics: 422 ENVELOPE_INVALID: 2 problems in the metrics
 *   - metrics[0].value: expected a number in [0, 1] for auc, got 1.3
 *   - metrics[1].points[1].x: expected a value >= 0.5 (the x of roc never decreases), got 0.2
 */
export async function invalidMetrics() {
  const registry = Registry.fromEnv();
  const saved = await registry.save({ name: "fraud-score-bad", artifact: {}, inputs: [{ amount: 1 }], outputs: [{ fraud: 0 }] });
  try {
    await registry.logMetrics("fraud-score-bad", saved.version, [
      { name: "auc", kind: "scalar", value: 1.3 },
      { name: "roc", kind: "series", points: [{ x: 0.5, y: 0.5 }, { x: 0.2, y: 0.9 }] },
    ]);
  } catch (error) {
    console.log((error as Error).message);
  }
}
