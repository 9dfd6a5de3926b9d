/** Latency buckets in seconds: fine below 10 ms, where a healthy service answers. */
export const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export interface ServiceMetrics {
  /** one answered `POST /predict`: status, error code (for non-2xx), seconds taken, rows predicted */
  observe(status: number, code: string | undefined, seconds: number, rows: number): void;
  /** adds a request's drift counts (field -> rows outside the training range) */
  drift(counts: Record<string, number>): void;
  /** a worker replaced after a crash or a timeout */
  replaced(): void;
  /** the Prometheus text exposition (format 0.0.4) */
  render(): string;
}

function label(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** `# HELP`, `# TYPE` and one line per sample; a sample's key is what follows the name (`{status="200"}`, `_sum`). */
function lines(name: string, type: string, help: string, samples: Iterable<[string, number]>): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...[...samples].map(([labels, value]) => `${name}${labels} ${value}`)];
}

/**
 * The counters behind `GET /metrics` of a prediction service: requests by status, errors by
 * code, a latency histogram, rows predicted, drift per input field and replaced workers. Each
 * observation is a few additions; rendering happens only when scraped.
 */
export function createServiceMetrics(model: { name: string; version: number }, fields: readonly string[]): ServiceMetrics {
  const requests = new Map<number, number>();
  const errors = new Map<string, number>();
  const buckets = latencyBuckets.map(() => 0);
  let count = 0;
  let sum = 0;
  let rows = 0;
  let replaced = 0;
  // every input field is listed from the start, so that a dashboard sees zeros rather than gaps
  const drift = new Map<string, number>(fields.map((field) => [field, 0]));
  return {
    observe(status, code, seconds, predicted) {
      requests.set(status, (requests.get(status) ?? 0) + 1);
      if (code !== undefined) errors.set(code, (errors.get(code) ?? 0) + 1);
      for (let index = 0; index < latencyBuckets.length; index++) if (seconds <= latencyBuckets[index]!) buckets[index]!++;
      count++;
      sum += seconds;
      rows += predicted;
    },
    drift(counts) {
      for (const field in counts) drift.set(field, (drift.get(field) ?? 0) + counts[field]!);
    },
    replaced() {
      replaced++;
    },
    render() {
      const text = [
        ...lines("envelope_model_info", "gauge", "The model version this service runs.", [[`{model="${label(model.name)}",version="${model.version}"}`, 1]]),
        ...lines("envelope_predict_requests_total", "counter", "POST /predict requests answered, by HTTP status.", [...requests].sort(([a], [b]) => a - b).map(([status, value]) => [`{status="${status}"}`, value])),
        ...lines("envelope_predict_errors_total", "counter", "POST /predict requests that failed, by error code.", [...errors].sort().map(([code, value]) => [`{code="${label(code)}"}`, value])),
        ...lines("envelope_predict_duration_seconds", "histogram", "Time to answer POST /predict, validation and model included.", [
          ...latencyBuckets.map((le, index): [string, number] => [`_bucket{le="${le}"}`, buckets[index]!]),
          [`_bucket{le="+Inf"}`, count],
          ["_sum", Math.round(sum * 1e6) / 1e6],
          ["_count", count],
        ]),
        ...lines("envelope_predict_rows_total", "counter", "Rows predicted.", [["", rows]]),
        ...lines("envelope_input_drift_total", "counter", "Input values outside the training range (min..max of the envelope's summary statistics), by field.", [...drift].map(([field, value]) => [`{field="${label(field)}"}`, value])),
        ...lines("envelope_worker_replacements_total", "counter", "Model workers replaced after a crash or a timeout.", [["", replaced]]),
      ];
      return `${text.join("\n")}\n`;
    },
  };
}
