/**
 * The churn model's own code, saved in its envelope (bundled with esbuild) and run by the
 * prediction service: a logistic score of the saved weights. `predict` gets a batch of rows that
 * already match the model's shape, and the state saved as the artifact.
 */
export interface ChurnState {
  weights: { tenure: number; monthly: number; basic: number };
  bias: number;
}

export interface ChurnRow {
  tenure: number;
  monthly: number;
  plan: string;
}

export function predict(rows: ChurnRow[], state: ChurnState) {
  return rows.map((row) => {
    const z = state.bias + state.weights.tenure * row.tenure + state.weights.monthly * row.monthly + (row.plan === "basic" ? state.weights.basic : 0);
    const probability = Math.round(1000 / (1 + Math.exp(-z))) / 1000;
    return { churn: probability >= 0.5, probability };
  });
}
