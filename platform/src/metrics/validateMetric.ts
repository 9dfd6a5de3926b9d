import { assertNoProblems } from "../errors/EnvelopeError.ts";
import { Checks } from "../envelope/Checks.ts";
import type { Metric } from "../envelope/Envelope.ts";
import { metricSchemas } from "./metricSchemas.ts";

export const metricNamePattern = /^[a-z][a-z0-9_.-]{0,63}$/;
export const maxSeriesPoints = 10_000;

/**
 * Checks one metric against its schema: a scalar `{ name, kind: "scalar", value, step? }` or a
 * series `{ name, kind: "series", points: [{ x, y }], x?, y? }`; known names (`auc`, `roc`, ...)
 * also get their ranges and ordering checked.
 */
export function checkMetric(checks: Checks, value: unknown, path: string): value is Metric {
  const before = checks.problems.length;
  if (!checks.record(value, path)) return false;
  const name = value["name"];
  checks.string(name, `${path}.name`, { pattern: metricNamePattern, describe: "a metric name (lowercase letters, digits, '_', '.', '-')" });
  if (!checks.oneOf(value["kind"], `${path}.kind`, ["scalar", "series"])) return false;
  const schema = typeof name === "string" ? metricSchemas[name] : undefined;
  if (schema && schema.kind !== value["kind"]) checks.fail(`${path}.kind`, `"${schema.kind}" for ${name} (${schema.describe})`, value["kind"]);
  const range = schema?.range;
  const within = range ? { min: range[0], max: range[1], describe: `a number in [${range[0]}, ${range[1]}] for ${name}` } : {};
  if (value["kind"] === "scalar") {
    checks.onlyKeys(value, path, ["name", "kind", "value", "step"]);
    checks.number(value["value"], `${path}.value`, within);
    if (value["step"] !== undefined) checks.number(value["step"], `${path}.step`, { integer: true, min: 0 });
  } else {
    checks.onlyKeys(value, path, ["name", "kind", "points", "x", "y"]);
    for (const axis of ["x", "y"]) if (value[axis] !== undefined) checks.string(value[axis], `${path}.${axis}`, { max: 64 });
    const points = value["points"];
    if (checks.array(points, `${path}.points`, maxSeriesPoints)) {
      if (points.length === 0) checks.fail(`${path}.points`, "at least one point", points);
      let previous = -Infinity;
      points.forEach((point, index) => {
        const at = `${path}.points[${index}]`;
        if (!checks.record(point, at)) return;
        const x = point["x"];
        checks.number(x, `${at}.x`, within);
        checks.number(point["y"], `${at}.y`, within);
        if (schema?.increasingX && typeof x === "number") {
          if (x < previous) checks.fail(`${at}.x`, `a value >= ${previous} (the x of ${name} never decreases)`, x);
          previous = x;
        }
      });
    }
  }
  return checks.problems.length === before;
}

/** Validates a list of metrics, throwing one 422 `EnvelopeError` that lists every problem. */
export function validateMetrics(metrics: unknown, path = "metrics"): Metric[] {
  const checks = new Checks();
  if (checks.array(metrics, path, 1000)) metrics.forEach((metric, index) => checkMetric(checks, metric, `${path}[${index}]`));
  assertNoProblems(checks.problems, "the metrics");
  return metrics as Metric[];
}
