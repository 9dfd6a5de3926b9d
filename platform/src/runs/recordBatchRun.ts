import type { Alerter } from "../alerts/createAlerter.ts";
import { isAlertable } from "../alerts/errorKind.ts";
import type { Registry } from "../client/Registry.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { BatchRun, RunInput } from "./BatchRun.ts";

export interface RecordRunOptions {
  registry: Pick<Registry, "recordRun">;
  model: { name: string; version: number };
  run: RunInput;
  /** for a failed run: what failed, sent to `alerter` */
  error?: unknown;
  alerter?: Alerter | undefined;
  /** told, in one line, when the run could not be recorded */
  warn: (line: string) => void;
}

/**
 * The error as the alerter takes it: every failed run deserves an alert, but the alerter keeps
 * to failures with an HTTP status (a call's 4xx or 5xx). A failure without one (a model that
 * cannot be served here, an unreadable file) goes as a 500 of the same code, the original as its
 * cause.
 */
function alertable(error: unknown): unknown {
  if (isAlertable(error)) return error;
  if (error instanceof EnvelopeError) return new EnvelopeError(error.code, error.message, { cause: error, status: 500 });
  return new EnvelopeError("ENVELOPE_SERVER", error instanceof Error ? `${error.name}: ${error.message}` : String(error), { cause: error });
}

/**
 * Records a batch run in the registry and, for a failed run, sends the alert with the cause
 * (who ran it as the registry recorded it: the token's user and team), waiting until it is
 * delivered or given up. Never throws: a run that cannot be recorded is a warning, so the
 * command still ends as the run did. Resolves to the recorded run, or undefined.
 */
export async function recordBatchRun(options: RecordRunOptions): Promise<BatchRun | undefined> {
  const { registry, model, run, alerter } = options;
  let recorded: BatchRun | undefined;
  try {
    recorded = await registry.recordRun(model.name, model.version, run);
  } catch (error) {
    options.warn(`the run was not recorded in the registry: ${error instanceof EnvelopeError ? error.shortMessage : String(error)}`);
  }
  if (run.status === "failed" && alerter) {
    alerter.notify({ user: recorded?.user ?? null, team: recorded?.team ?? null, fn: "batch", model: `${model.name}@${model.version}`, error: alertable(options.error) });
    await alerter.flush();
  }
  return recorded;
}
