import type { ModelSummary } from "../envelope/Envelope.ts";
import type { DeployRule } from "./DeployRule.ts";

/** What reconcile does about one rule. */
export type DeploymentAction = "start" | "restart" | "keep" | "none";

/**
 * Decides for one rule, given the newest model version with all its tags (undefined: none):
 * `start` a service that runs nothing yet, `restart` one that runs another version (a newer one,
 * or an older one when the tags moved back: a rollback is a change too), `keep` one already
 * running the match, `none` when nothing matches (a running service is left alone). Pure.
 */
export function planDeployment(rule: Pick<DeployRule, "running">, newest: Pick<ModelSummary, "name" | "version"> | undefined): DeploymentAction {
  if (!newest) return "none";
  if (!rule.running) return "start";
  return rule.running.name === newest.name && rule.running.version === newest.version ? "keep" : "restart";
}
