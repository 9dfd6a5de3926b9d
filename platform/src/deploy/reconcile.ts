import type { Registry } from "../client/Registry.ts";
import { modelLabel } from "../serving/modelLabel.ts";
import { planDeployment, type DeploymentAction } from "./planDeployment.ts";
import type { ServiceRunner } from "./ServiceRunner.ts";

/** What reconcile did about one service: `from` and `to` are `name@version`, or null. */
export interface ReconcileChange {
  service: string;
  action: DeploymentAction | "failed";
  from: string | null;
  to: string | null;
  /** why a deploy failed (the service keeps what it ran) */
  error?: string;
}

export interface ReconcileOptions {
  registry: Pick<Registry, "deployRules" | "find" | "recordDeployment">;
  runner: ServiceRunner;
  /** only these services' rules (default: every rule) */
  services?: readonly string[];
}

/**
 * Brings every service in line with its rule: finds the newest version with the rule's tags,
 * has the runner start or restart the service when it runs something else, and records in the
 * registry what it now runs. One service failing to deploy is reported and does not stop the
 * others. Returns one change per rule, in service order; run it again and nothing changes.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileChange[]> {
  const changes: ReconcileChange[] = [];
  for (const rule of await options.registry.deployRules()) {
    if (options.services && !options.services.includes(rule.service)) continue;
    const [newest] = await options.registry.find(rule.tags, { limit: 1 });
    const action = planDeployment(rule, newest);
    const change: ReconcileChange = { service: rule.service, action, from: rule.running ? modelLabel(rule.running) : null, to: newest ? modelLabel(newest) : null };
    if (newest && (action === "start" || action === "restart")) {
      try {
        await options.runner.deploy(rule, newest);
        await options.registry.recordDeployment(rule.service, newest);
      } catch (error) {
        change.action = "failed";
        change.error = (error as Error)?.message ?? String(error);
      }
    }
    changes.push(change);
  }
  return changes;
}
