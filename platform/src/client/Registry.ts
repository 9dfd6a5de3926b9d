import type { Alerter } from "../alerts/createAlerter.ts";
import type { DeployRule, DeployRuleInput, Deployment } from "../deploy/DeployRule.ts";
import { bundleCustomCode } from "../context/bundleCustomCode.ts";
import { readLockedVersions } from "../context/readLockedVersions.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Context, Metric, ModelSummary, SavedEnvelope } from "../envelope/Envelope.ts";
import type { BatchRun, RunInput, RunPage } from "../runs/BatchRun.ts";
import type { Principal, VersionRef } from "../store/Store.ts";
import { createTracker, type Identity, type Tracker, type TrackerStats } from "../tracking/createTracker.ts";
import { jsonlSink } from "../tracking/jsonlSink.ts";
import { registrySink } from "../tracking/registrySink.ts";
import { defaultTrackingLimits, type TrackingLimits } from "../tracking/TrackingLimits.ts";
import type { UsageEvent } from "../tracking/UsageEvent.ts";
import type { UsageSink } from "../tracking/UsageSink.ts";
import { platformVersion } from "../version.ts";
import { buildEnvelope, type SaveInput } from "./buildEnvelope.ts";
import { createClientAlerter, type ClientAlertOptions } from "./createClientAlerter.ts";
import { dashboardReads, type DashboardReads } from "./DashboardReads.ts";
import { createTransport, type Transport } from "./createTransport.ts";

export interface TrackingOptions {
  /** `registry` (default): the registry's events endpoint; `none`; `{ file }`: a JSONL file; or your own sink */
  sink?: "registry" | "none" | { file: string } | UsageSink;
  /** fail a call whose usage event cannot be recorded (default false: such failures are swallowed) */
  strict?: boolean;
  /** told about each failed send and each start of dropping (all swallowed); what it throws is contained */
  onError?: (error: unknown) => void;
  /** queue bound, batch size, timeouts and backoff (see `TrackingLimits`; the defaults suit most) */
  limits?: Partial<TrackingLimits>;
}

export interface RegistryClientOptions {
  /** the registry's base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  /** a bearer token issued by the registry */
  token: string;
  tracking?: TrackingOptions;
  /** post failure alerts to this Slack-compatible webhook; each posted alert is also kept in the registry (`GET /v1/alerts`) unless `record: false` */
  alerts?: ClientAlertOptions;
  fetch?: typeof fetch;
}

export interface FindOptions {
  /** only each name's last version */
  latest?: boolean;
  /** at most this many (1-500, default 50) */
  limit?: number;
}

/**
 * The typed client of the Model Envelope registry. Every public call is tracked (see
 * `TrackingOptions`) and, with `alerts`, a failed call posts an alert; neither ever changes a
 * call's result or error.
 */
export class Registry {
  readonly #request: Transport;
  readonly #tracker: Tracker;
  readonly #alerter: Alerter | undefined;
  #identity: Promise<Identity> | undefined;
  readonly #alerting = new Set<Promise<void>>();
  readonly #identifyTimeoutMs: number;
  /** the dashboard's reads: metrics across versions, usage views and recorded alerts */
  readonly dashboard: DashboardReads;

  constructor(options: RegistryClientOptions) {
    if (!options.url) throw new EnvelopeError("ENVELOPE_CONFIG", "Registry: `url` is empty; expected the registry's base URL (ENVELOPE_REGISTRY_URL)");
    if (!options.token) throw new EnvelopeError("ENVELOPE_CONFIG", "Registry: `token` is empty; expected a registry token (ENVELOPE_TOKEN)");
    this.#request = createTransport({ url: options.url, token: options.token, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const tracking = options.tracking ?? {};
    const sink = tracking.sink ?? "registry";
    const resolvedSink: UsageSink | undefined =
      sink === "none" ? undefined : sink === "registry" ? registrySink({ url: options.url, token: options.token, ...(options.fetch ? { fetch: options.fetch } : {}) }) : "file" in sink ? jsonlSink(sink.file) : sink;
    this.#identifyTimeoutMs = tracking.limits?.timeoutMs ?? defaultTrackingLimits.timeoutMs;
    this.#alerter = options.alerts ? createClientAlerter(options.alerts, this.#request, this.#identifyTimeoutMs, options.fetch) : undefined;
    this.#tracker = createTracker({
      sink: resolvedSink,
      strict: tracking.strict ?? false,
      clientVersion: platformVersion,
      identify: () => this.#identify(),
      ...(tracking.onError ? { onError: tracking.onError } : {}),
      ...(tracking.limits ? { limits: tracking.limits } : {}),
      onFailure: (event, error) => this.#alert(event, error),
    });
    this.dashboard = dashboardReads(this.#request, this.#tracker);
  }

  /**
   * A client from the environment: ENVELOPE_REGISTRY_URL, ENVELOPE_TOKEN, and optionally
   * ENVELOPE_ALERT_WEBHOOK and ENVELOPE_USAGE_FILE (track to that JSONL file instead of the registry).
   */
  static fromEnv(overrides: Partial<RegistryClientOptions> = {}, env: NodeJS.ProcessEnv = process.env): Registry {
    const webhook = env["ENVELOPE_ALERT_WEBHOOK"];
    const file = env["ENVELOPE_USAGE_FILE"];
    return new Registry({
      url: env["ENVELOPE_REGISTRY_URL"] ?? "",
      token: env["ENVELOPE_TOKEN"] ?? "",
      ...(webhook ? { alerts: { webhook } } : {}),
      ...(file ? { tracking: { sink: { file } } } : {}),
      ...overrides,
    });
  }

  /** Saves a new version: shape and summaries derived from the samples, context captured. */
  save(input: SaveInput): Promise<ModelSummary> {
    return this.#tracker.run("save", [input], input.name ?? null, async () => {
      const envelope = buildEnvelope(input, await this.#context(input));
      return this.#request<ModelSummary>("POST", `/v1/models/${encodeURIComponent(input.name)}`, { json: envelope });
    });
  }

  /** A version's envelope (default: the latest). */
  get(name: string, version: VersionRef = "latest"): Promise<SavedEnvelope> {
    return this.#tracker.run("get", [name, version], name, () => this.#request<SavedEnvelope>("GET", versionPath(name, version)));
  }

  /** Versions whose tags include every given tag, newest first. */
  find(tags: Record<string, string>, options: FindOptions = {}): Promise<ModelSummary[]> {
    return this.#tracker.run("find", [tags, options], tags["name"] ?? null, async () => {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(tags)) query.append("tag", `${key}=${value}`);
      if (options.latest) query.set("latest", "true");
      if (options.limit !== undefined) query.set("limit", String(options.limit));
      return (await this.#request<{ models: ModelSummary[] }>("GET", "/v1/models", { query })).models;
    });
  }

  /** Adds or changes tags of a version of your team's model. */
  tag(name: string, version: VersionRef, tags: Record<string, string>): Promise<ModelSummary> {
    return this.#tracker.run("tag", [name, version, tags], name, () => this.#request<ModelSummary>("POST", `${versionPath(name, version)}/tags`, { json: { tags } }));
  }

  /** Logs metrics (scalars, series) for a version of your team's model; returns how many. */
  logMetrics(name: string, version: VersionRef, metrics: Metric[]): Promise<number> {
    return this.#tracker.run("logMetrics", [name, version, metrics], name, async () => (await this.#request<{ logged: number }>("POST", `${versionPath(name, version)}/metrics`, { json: { metrics } })).logged);
  }

  /** A version's metrics, saved and logged, in order. */
  metrics(name: string, version: VersionRef = "latest"): Promise<Metric[]> {
    return this.#tracker.run("metrics", [name, version], name, async () => (await this.#request<{ metrics: Metric[] }>("GET", `${versionPath(name, version)}/metrics`)).metrics);
  }

  /** A version's artifact as bytes. */
  artifact(name: string, version: VersionRef = "latest"): Promise<Uint8Array> {
    return this.#tracker.run("artifact", [name, version], name, () => this.#request<Uint8Array>("GET", `${versionPath(name, version)}/artifact`, { bytes: true }));
  }

  /** A version's JSON artifact, parsed (e.g. the weights saved with it). */
  async artifactJson<T = unknown>(name: string, version: VersionRef = "latest"): Promise<T> {
    return JSON.parse(Buffer.from(await this.artifact(name, version)).toString("utf8")) as T;
  }

  /** The user and team of the token. */
  whoami(): Promise<Principal> {
    return this.#tracker.run("whoami", [], null, () => this.#request<Principal>("GET", "/v1/whoami"));
  }

  /**
   * Usage events recorded by the registry since a time: your team's, or every team's for an admin
   * token. The registry answers a page at a time; this reads every page, so for counts ask
   * `GET /v1/usage/summary` (`envelope usage`) instead.
   */
  usageEvents(since?: Date): Promise<UsageEvent[]> {
    return this.#tracker.run("usageEvents", [since?.toISOString() ?? null], null, async () => {
      const events: UsageEvent[] = [];
      for (let after: string | null | undefined; after !== null; ) {
        const query = new URLSearchParams({ ...(since ? { since: since.toISOString() } : {}), ...(after ? { after } : {}) });
        const page = await this.#request<{ events: UsageEvent[]; next: string | null }>("GET", "/v1/events", { query });
        events.push(...page.events);
        // a registry from before paging sends no `next`: its one answer is everything
        after = page.next ?? null;
      }
      return events;
    });
  }

  /** Adds a deployment rule (or replaces your team's rule for that service): the service runs the newest model with every tag. */
  addDeployRule(rule: DeployRuleInput): Promise<DeployRule> {
    return this.#tracker.run("addDeployRule", [rule], rule.tags["name"] ?? null, () => this.#request<DeployRule>("POST", "/v1/deploy-rules", { json: rule }));
  }

  /** Every deployment rule, by service, with the model version its service runs. */
  deployRules(): Promise<DeployRule[]> {
    return this.#tracker.run("deployRules", [], null, async () => (await this.#request<{ rules: DeployRule[] }>("GET", "/v1/deploy-rules")).rules);
  }

  /** Records that a service of your team now runs a model version (`reconcile` does this). */
  recordDeployment(service: string, model: { name: string; version: number }): Promise<Deployment> {
    return this.#tracker.run("recordDeployment", [service, model], model.name, () => this.#request<Deployment>("POST", `/v1/deploy-rules/${encodeURIComponent(service)}/deployment`, { json: { name: model.name, version: model.version } }));
  }

  /** Records a batch run of a saved version (`envelope batch` does this); the registry adds who ran it, from the token. */
  recordRun(name: string, version: number, run: RunInput): Promise<BatchRun> {
    return this.#tracker.run("recordRun", [name, version, { status: run.status, rowsIn: run.rowsIn }], name, () => this.#request<BatchRun>("POST", `${versionPath(name, version)}/runs`, { json: run }));
  }

  /** A page of a model's batch runs (one version's with `version`), newest first; pass a page's `next` as `cursor` for the one after. */
  listRuns(name: string, options: { version?: number; limit?: number; cursor?: string } = {}): Promise<RunPage> {
    const query = new URLSearchParams(Object.entries(options).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)] as [string, string]])));
    return this.#tracker.run("listRuns", [name, options], name, () => this.#request<RunPage>("GET", `/v1/models/${encodeURIComponent(name)}/runs`, { query }));
  }

  /**
   * Sends the usage events still queued and the alerts on their way; resolves when all are
   * delivered, when a send fails, or after `flushTimeoutMs` (5 s), with the tracking's counts
   * (`queued` is what is still waiting, `dropped` what the bounded queue had to drop).
   */
  async flush(): Promise<TrackerStats> {
    const stats = await this.#tracker.flush();
    while (this.#alerting.size > 0) await Promise.all([...this.#alerting]);
    await this.#alerter?.flush();
    return stats;
  }

  async #context(input: SaveInput): Promise<Context> {
    const packages = input.packages ?? (input.lockFile ? readLockedVersions(input.lockFile, input.packageNames) : {});
    const context: Context = { node: process.version, packages };
    if (input.code !== undefined) context.code = typeof input.code === "string" ? await bundleCustomCode(input.code) : input.code;
    return context;
  }

  #identify(): Promise<Identity> {
    // bounded like a send: tracking and alerts wait for the identity, and must never hang on it
    this.#identity ??= this.#request<Principal>("GET", "/v1/whoami", { signal: AbortSignal.timeout(this.#identifyTimeoutMs) }).then(
      ({ user, team }) => ({ user, team }),
      () => {
        // a rejected token has no identity; ask again next time, the token may be fixed
        this.#identity = undefined;
        return { user: null, team: null };
      },
    );
    return this.#identity;
  }

  #alert(event: UsageEvent, error: unknown): void {
    const alerter = this.#alerter;
    if (!alerter) return;
    const alerting = this.#identify()
      .then((identity) => alerter.notify({ ...identity, fn: event.fn, model: event.model, error }))
      .catch(() => {})
      .finally(() => this.#alerting.delete(alerting));
    this.#alerting.add(alerting);
  }
}

function versionPath(name: string, version: VersionRef): string {
  return `/v1/models/${encodeURIComponent(name)}/versions/${version}`;
}
