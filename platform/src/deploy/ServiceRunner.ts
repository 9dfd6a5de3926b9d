import type { ModelSummary } from "../envelope/Envelope.ts";
import type { DeployRule } from "./DeployRule.ts";

/**
 * What starts services: reconcile decides, a runner acts. `deploy` starts the rule's service on
 * `model`, stopping what it ran before (`rule.running`, if anything), and resolves once it serves.
 * `check`, when a runner has it, says why the service of a rule that runs something is not alive
 * and healthy (undefined: it is), so that reconcile restarts it. Tests pass a recording runner;
 * `envelope reconcile` starts `envelope serve` processes.
 */
export interface ServiceRunner {
  deploy(rule: DeployRule, model: ModelSummary): Promise<void>;
  check?(rule: DeployRule & { running: NonNullable<DeployRule["running"]> }): Promise<string | undefined>;
}
