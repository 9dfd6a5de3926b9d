import type { DeployRule, DeployRuleInput, Deployment } from "../deploy/DeployRule.ts";
import type { ArtifactInfo, Context, FeatureSummary, Metric, ModelSummary, SavedEnvelope, Shape } from "../envelope/Envelope.ts";
import type { BatchRun, RunInput, RunPage, RunQuery } from "../runs/BatchRun.ts";
import type { UsageEvent } from "../tracking/UsageEvent.ts";
import type { DashboardStore } from "./DashboardStore.ts";
import type { UsageQuery, UsageSummary } from "../usage/UsageSummary.ts";

/** Who a token belongs to. Admins read every team's usage; everyone else their own team's. */
export interface Principal {
  user: string;
  team: string;
  admin: boolean;
}

/** An issued token as the store lists it: never the token, never its hash. */
export interface TokenInfo extends Principal {
  /** a number that names the token in `envelope token list` and `revoke`, never reused */
  id: number;
  createdAt: string;
  /** the last request it authenticated, to the minute; null when never used */
  lastUsedAt: string | null;
}

/** A token to revoke: by its id, or by the sha256 of the token itself. */
export type TokenRef = { id: number } | { hash: string };

/** A page of usage events: oldest first, after the cursor `after` (a page's `next`). */
export interface EventQuery {
  since: string;
  team?: string;
  after?: string;
  limit: number;
}

/** `next` is the cursor of the following page, null when this one is the last. */
export interface EventPage {
  events: UsageEvent[];
  next: string | null;
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
export interface Store extends DashboardStore {
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
  /** stores a token's hash for a principal (replacing what that hash had) */
  saveToken(hash: string, principal: Principal): Promise<TokenInfo>;
  /** the token's principal; with `usedAt`, also records the use (at most one write a minute per token) */
  principalOf(hash: string, usedAt?: string): Promise<Principal | undefined>;
  /** every token, by id */
  listTokens(): Promise<TokenInfo[]>;
  /** deletes a token; what it was, or undefined when there was none */
  revokeToken(ref: TokenRef): Promise<TokenInfo | undefined>;
  recordEvents(events: UsageEvent[]): Promise<void>;
  /** a page of events at or after `since`, oldest first (ties in recording order); only `team`'s when given; 422 for a cursor that is not a page's `next` */
  readEvents(query: EventQuery): Promise<EventPage>;
  /** new users, calls and failures per function and the top errors of the events a query selects, computed by the database */
  usageSummary(query: UsageQuery): Promise<UsageSummary>;
  /** adds a deployment rule, or replaces the caller's team's rule for that service; 403 for another team's */
  saveRule(rule: DeployRuleInput, principal: Principal, at: string): Promise<DeployRule>;
  /** every rule, by service, with the model its service runs */
  listRules(): Promise<DeployRule[]>;
  /** records that a service of `team` now runs a model version; 404 without a rule, 403 for another team's */
  recordDeployment(service: string, model: { name: string; version: number }, team: string, at: string): Promise<Deployment>;
  /** records a batch run of a saved model version by `principal` at `at`; 404 when the version was never saved */
  recordRun(name: string, version: number, run: RunInput, principal: Principal, at: string): Promise<BatchRun>;
  /** a page of a model's batch runs (one version's when given), newest first; 422 for a cursor that is not a page's `next` */
  listRuns(query: RunQuery): Promise<RunPage>;
  /**
   * empties the store, in one transaction, of everything but its tokens: models and their
   * versions, metrics, usage events, deployment rules and deployments. The next save of any name
   * gets version 1 and every issued token stays valid. For fixtures between runs (tests, the
   * docs' writer's loop), with no call in flight; never for a registry people use.
   */
  clear(): Promise<void>;
  close(): Promise<void>;
}
