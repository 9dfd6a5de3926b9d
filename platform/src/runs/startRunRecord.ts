import { createAlerter } from "../alerts/createAlerter.ts";
import { keepAlerts } from "../alerts/keepAlerts.ts";
import type { BatchResult } from "../batch/batchPredict.ts";
import type { Shard } from "../batch/selectShard.ts";
import type { Registry } from "../client/Registry.ts";
import type { BatchRun } from "./BatchRun.ts";
import { failedRunInput, succeededRunInput } from "./batchRunInput.ts";
import { recordBatchRun } from "./recordBatchRun.ts";

export interface RunRecordOptions {
  registry: Pick<Registry, "recordRun"> & { dashboard: Pick<Registry["dashboard"], "recordAlerts"> };
  model: { name: string; version: number };
  inputs: readonly string[];
  outputDir: string;
  shard?: Shard | undefined;
  /** ENVELOPE_ALERT_WEBHOOK, when set, is where a failed run's alert goes (as for `envelope serve`) */
  env: NodeJS.ProcessEnv;
  warn: (line: string) => void;
}

/** Records the run that starts now, when it ends: `succeeded` with its result, or `failed` with its error. */
export interface RunRecord {
  succeeded(result: BatchResult): Promise<BatchRun | undefined>;
  failed(error: unknown): Promise<BatchRun | undefined>;
}

/**
 * Starts the clock of a batch run, and records it in the registry when it ends: a succeeded run
 * with its files, rows and drift counts, a failed one with its error and an alert to
 * ENVELOPE_ALERT_WEBHOOK (an alert that cannot be posted is a warning), kept in the registry
 * once posted (`GET /v1/alerts`, the dashboard's alerts; one it cannot keep is a warning too).
 * Neither throws (see `recordBatchRun`).
 */
export function startRunRecord(options: RunRecordOptions): RunRecord {
  const startedAt = new Date();
  const started = performance.now();
  const facts = () => ({ inputs: options.inputs, outputDir: options.outputDir, shard: options.shard, startedAt, durationMs: performance.now() - started });
  const webhook = options.env["ENVELOPE_ALERT_WEBHOOK"];
  const common = { registry: options.registry, model: { name: options.model.name, version: options.model.version }, warn: options.warn };
  const keeper = keepAlerts((alert) => options.registry.dashboard.recordAlerts([alert]), (error) => options.warn(`the alert was posted but not kept in the registry: ${error instanceof Error ? error.message : String(error)}`));
  const alerter = () => (webhook ? createAlerter({ webhook, source: "batch", record: keeper.record, onError: (error) => options.warn(`the alert was not posted to ${webhook}: ${error instanceof Error ? error.message : String(error)}`), warn: options.warn }) : undefined);
  return {
    succeeded: (result) => recordBatchRun({ ...common, run: succeededRunInput(facts(), result) }),
    async failed(error) {
      const recorded = await recordBatchRun({ ...common, run: failedRunInput(facts(), error), error, alerter: alerter() });
      await keeper.settled();
      return recorded;
    },
  };
}
