import { createHash } from "node:crypto";
import type { SavedEnvelope } from "../src/envelope/Envelope.ts";
import type { Servable } from "../src/serving/loadServable.ts";

/**
 * The churn model of the benchmarks: a logistic score over a client's tenure, monthly spend,
 * support calls and plan, as a data scientist would save it (plain JavaScript, its weights the
 * artifact). Inputs `tenure_months`, `monthly_spend`, `support_calls` (nullable), `plan`.
 */
const source = `export function predict(rows, state) {
  const { w, bias, plans } = state;
  return rows.map((row) => {
    const z = bias + w[0] * row.tenure_months + w[1] * row.monthly_spend + w[2] * (row.support_calls ?? 0) + (plans[row.plan] ?? 0);
    return { churn: 1 / (1 + Math.exp(-z)) };
  });
}
`;

export const churnModel: Servable = {
  state: { w: [-0.04, 0.012, 0.35], bias: -0.5, plans: { basic: 0.4, pro: -0.2 } },
  envelope: {
    name: "churn-score",
    version: 1,
    owner: "bench",
    team: "churn",
    description: "logistic churn score",
    createdAt: "2026-11-30T00:00:00.000Z",
    function: {
      artifact: { mediaType: "application/json", size: 0, sha256: "0".repeat(64) },
      shape: {
        inputs: [
          { name: "tenure_months", type: "integer", nullable: false },
          { name: "monthly_spend", type: "number", nullable: false },
          { name: "support_calls", type: "integer", nullable: true },
          { name: "plan", type: "string", nullable: false },
        ],
        outputs: [{ name: "churn", type: "number", nullable: false }],
      },
    },
    context: { node: process.version, packages: {}, code: { entry: "churn.js", format: "esm", code: source, sha256: createHash("sha256").update(source).digest("hex") } },
    data: {
      features: {
        tenure_months: { type: "integer", count: 100, nulls: 0, min: 0, max: 120, mean: 40 },
        monthly_spend: { type: "number", count: 100, nulls: 0, min: 5, max: 300, mean: 60 },
        support_calls: { type: "integer", count: 100, nulls: 10, min: 0, max: 20, mean: 2 },
        plan: { type: "string", count: 100, nulls: 0, distinct: 2 },
      },
      metrics: [],
    },
    tags: {},
  } satisfies SavedEnvelope,
};

/** SQL for `rows` clients of the churn model's shape, numbered from `from`, ids in `client_id`. */
export function churnRowsSql(rows: number, from = 0): string {
  return `SELECT i AS client_id, (i % 121)::INTEGER AS tenure_months, 5 + (i % 2951) / 10.0 AS monthly_spend,
    CASE WHEN i % 10 = 0 THEN NULL ELSE (i % 21)::INTEGER END AS support_calls,
    CASE WHEN i % 3 = 0 THEN 'pro' ELSE 'basic' END AS plan
    FROM range(${from}, ${from + rows}) r(i)`;
}
