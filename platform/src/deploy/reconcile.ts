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
  /** why a service already on its match was restarted: it was not alive and healthy */
  reason?: string;
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
 * registry what it now runs. A service already on its match is checked (when the runner can):
 * one that is dead or unhealthy is restarted on it, with the reason. One service failing to
 * deploy is reported and does not stop the others. Returns one change per rule, in service
 * order; run it again and nothing changes.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileChange[]> {
  const changes: ReconcileChange[] = [];
  for (const rule of await options.registry.deployRules()) {
    if (options.services && !options.services.includes(rule.service)) continue;
    const [newest] = await options.registry.find(rule.tags, { limit: 1 });
    const action = planDeployment(rule, newest);
    const change: ReconcileChange = { service: rule.service, action, from: rule.running ? modelLabel(rule.running) : null, to: newest ? modelLabel(newest) : null };
    if (newest && action !== "none") {
      try {
        // a service on its match is left alone only when it is alive and healthy
        const down = action === "keep" && rule.running && options.runner.check ? await options.runner.check({ ...rule, running: rule.running }) : undefined;
        if (down !== undefined) Object.assign(change, { action: "restart", reason: down });
        if (change.action !== "keep") {
          await options.runner.deploy(rule, newest);
          await options.registry.recordDeployment(rule.service, newest);
        }
      } catch (error) {
        change.action = "failed";
        change.error = (error as Error)?.message ?? String(error);
      }
    }
    changes.push(change);
  }
  return changes;
}
