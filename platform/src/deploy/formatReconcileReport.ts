import type { ReconcileChange } from "./reconcile.ts";

const verbs = { start: "started", restart: "restarted", keep: "unchanged", none: "no match", failed: "FAILED" } as const;

/** The lines `envelope reconcile` prints: one per service, what changed first. */
export function formatReconcileReport(changes: readonly ReconcileChange[]): string {
  if (changes.length === 0) return "no deployment rules; add one with `envelope deploy-rule add --tags name=churn,stage=prod --service churn-api`";
  const width = Math.max(...changes.map((change) => change.service.length));
  return changes
    .map((change) => {
      const what = change.action === "restart" ? (change.reason === undefined ? `${change.from} -> ${change.to}` : `${change.to} (it was down: ${change.reason})`) : change.action === "none" ? `no model has the rule's tags${change.from ? `; still running ${change.from}` : ""}` : change.action === "failed" ? `${change.to}: ${change.error}` : `${change.to}`;
      return `${change.service.padEnd(width)}  ${verbs[change.action].padEnd(10)}  ${what}`;
    })
    .join("\n");
}
