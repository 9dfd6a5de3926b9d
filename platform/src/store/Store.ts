import type { DeployRule, DeployRuleInput, Deployment } from "../deploy/DeployRule.ts";
import type { ArtifactInfo, Context, FeatureSummary, Metric, ModelSummary, SavedEnvelope, Shape } from "../envelope/Envelope.ts";
import type { UsageEvent } from "../tracking/UsageEvent.ts";

/** Who a token belongs to. Admins read every team's usage; everyone else their own team's. */
export interface Principal {
  user: string;
  team: string;
  admin: boolean;
}

/** A model version to store; the store assigns `version` and keeps `tags` as given (base + user). */
export interface NewModel {
  name: string;
  owner: string;
  team: string;
  description: string;
  createdAt: string;
  tags: Record<string, string>;
  shape: Shape;
  context: Context;
  features: Record<string, FeatureSummary>;
  metrics: Metric[];
  artifact: ArtifactInfo;
}

/** A summary with the store's row id, which orders versions newest first. */
export interface IndexedSummary extends ModelSummary {
  id: number;
}

/** A tag query: every tag must match; newest first; with `latest`, only each name's last version. */
export interface FindQuery {
  tags: Record<string, string>;
  latest: boolean;
  limit: number;
}

export type VersionRef = number | "latest";

/** Hooks for tests that need to stop a save at a precise point (e.g. to kill the process there). */
export interface StoreHooks {
  /** runs inside the save's transaction, after every row is written and before the commit */
  beforeCommit?: (model: NewModel & { version: number }) => Promise<void>;
}

/**
 * The registry's storage. Failures a caller can act on are `EnvelopeError`s: not found (404) and
 * another team's model (403).
 */
export interface Store {
  readonly kind: "pglite" | "postgres";
  /** saves a new version of `model.name` (v1, v2, ...); 403 if another team owns the name */
  saveModel(model: NewModel): Promise<IndexedSummary>;
  getModel(name: string, version: VersionRef): Promise<SavedEnvelope | undefined>;
  findModels(query: FindQuery): Promise<ModelSummary[]>;
  /** every model version in id order, for building an index */
  listSummaries(): Promise<IndexedSummary[]>;
  /** merges user tags into a version's tags; 403 for another team's model, 404 if absent */
  addTags(name: string, version: VersionRef, tags: Record<string, string>, team: string): Promise<IndexedSummary>;
  logMetrics(name: string, version: VersionRef, metrics: Metric[], team: string, at: string): Promise<void>;
  readMetrics(name: string, version: VersionRef): Promise<Metric[] | undefined>;
  saveToken(hash: string, principal: Principal): Promise<void>;
  principalOf(hash: string): Promise<Principal | undefined>;
  recordEvents(events: UsageEvent[]): Promise<void>;
  /** events at or after `since`, oldest first; only `team`'s when given */
  readEvents(since: string, team?: string): Promise<UsageEvent[]>;
  /** adds a deployment rule, or replaces the caller's team's rule for that service; 403 for another team's */
  saveRule(rule: DeployRuleInput, principal: Principal, at: string): Promise<DeployRule>;
  /** every rule, by service, with the model its service runs */
  listRules(): Promise<DeployRule[]>;
  /** records that a service of `team` now runs a model version; 404 without a rule, 403 for another team's */
  recordDeployment(service: string, model: { name: string; version: number }, team: string, at: string): Promise<Deployment>;
  /**
   * empties the store, in one transaction, of everything but its tokens: models and their
   * versions, metrics, usage events, deployment rules and deployments. The next save of any name
   * gets version 1 and every issued token stays valid. For fixtures between runs (tests, the
   * docs' writer's loop), with no call in flight; never for a registry people use.
   */
  clear(): Promise<void>;
  close(): Promise<void>;
}
