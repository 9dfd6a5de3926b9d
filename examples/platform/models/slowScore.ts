/**
 * A model that takes a minute per call (a remote lookup that hangs), for the docs on the
 * prediction service's timeout and queue: its worker is stopped once the request's time is up.
 */
export async function predict(rows: Array<{ tenure: number }>) {
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  return rows.map((row) => ({ churn: row.tenure < 12 }));
}
