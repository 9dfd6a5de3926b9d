import { expect, test } from "vitest";
import { createServiceMetrics } from "../../src/serving/createServiceMetrics.ts";

test("renders counters and a cumulative latency histogram in Prometheus text", () => {
  const metrics = createServiceMetrics({ name: 'we"ird', version: 2 }, ["x"]);
  metrics.observe(200, undefined, 0.0007, 3);
  metrics.observe(422, "ENVELOPE_INVALID", 0.002, 0);
  metrics.observe(504, "ENVELOPE_MODEL_TIMEOUT", 7, 0);
  metrics.drift({ x: 2 });
  const text = metrics.render();
  expect(text).toContain('envelope_model_info{model="we\\"ird",version="2"} 1\n');
  expect(text).toContain('envelope_predict_requests_total{status="200"} 1\nenvelope_predict_requests_total{status="422"} 1\nenvelope_predict_requests_total{status="504"} 1\n');
  expect(text).toContain('envelope_predict_errors_total{code="ENVELOPE_INVALID"} 1\nenvelope_predict_errors_total{code="ENVELOPE_MODEL_TIMEOUT"} 1\n');
  expect(text).toContain('envelope_predict_duration_seconds_bucket{le="0.0005"} 0\nenvelope_predict_duration_seconds_bucket{le="0.001"} 1\nenvelope_predict_duration_seconds_bucket{le="0.0025"} 2\n');
  expect(text).toContain('envelope_predict_duration_seconds_bucket{le="5"} 2\nenvelope_predict_duration_seconds_bucket{le="10"} 3\nenvelope_predict_duration_seconds_bucket{le="+Inf"} 3\nenvelope_predict_duration_seconds_sum 7.0027\nenvelope_predict_duration_seconds_count 3\n');
  expect(text).toContain("envelope_predict_rows_total 3\n");
  expect(text).toContain('envelope_input_drift_total{field="x"} 2\n');
  // every metric has HELP and TYPE before its samples
  expect(text.match(/^# TYPE /gm)).toHaveLength(7);
});
