/** How messages, alerts and metrics name a model version: `churn@3`, the form `envelope serve` takes. */
export function modelLabel(model: { name: string; version: number }): string {
  return `${model.name}@${model.version}`;
}
