/**
 * A model with a memory leak, for the docs on the prediction service's limits: it keeps 50 MB
 * from every call (a cache that never lets go), so that its worker outgrows a small memory limit.
 */
const cache: number[][] = [];

export function predict(rows: Array<{ tenure: number }>) {
  cache.push(new Array((50 * 1024 * 1024) / 8).fill(rows.length));
  return rows.map((row) => ({ churn: row.tenure < 12 }));
}
