/** The types of deployment rules: which service runs the newest model matching which tags. */

/** What `envelope deploy-rule add` sends: the service, the tags to match, and optionally its port. */
export interface DeployRuleInput {
  service: string;
  /** every tag must match, base tags included (`name=churn,stage=prod`) */
  tags: Record<string, string>;
  /** the port the service listens on; null: the runner's choice */
  port?: number | null;
}

/** What a service runs, as last recorded by a reconcile. */
export interface Deployment {
  name: string;
  version: number;
  deployedAt: string;
}

/** A rule as the registry lists it, with the model its service runs (null before the first reconcile). */
export interface DeployRule {
  service: string;
  tags: Record<string, string>;
  port: number | null;
  team: string;
  createdBy: string;
  createdAt: string;
  running: Deployment | null;
}
