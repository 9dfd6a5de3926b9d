import type { IncomingMessage } from "node:http";
import type { Alerter } from "../alerts/createAlerter.ts";
import type { SavedEnvelope } from "../envelope/Envelope.ts";
import { readBody } from "../server/readBody.ts";
import type { Identity } from "../tracking/createTracker.ts";
import type { RequestTracker } from "../tracking/createRequestTracker.ts";
import { checkPredictions } from "./checkPredictions.ts";
import { countDrift } from "./countDrift.ts";
import type { ServiceMetrics } from "./createServiceMetrics.ts";
import type { WorkerPool } from "./createWorkerPool.ts";
import { formatDriftHeader } from "./formatDriftHeader.ts";
import { modelLabel } from "./modelLabel.ts";
import { parseBoundedJson } from "./parseBoundedJson.ts";
import { readPredictRequest } from "./readPredictRequest.ts";
import { serviceError } from "./serviceError.ts";
import { trainingRanges } from "./trainingRanges.ts";

export interface PredictDeps {
  envelope: Pick<SavedEnvelope, "name" | "version" | "function" | "data">;
  pool: Pick<WorkerPool, "predict">;
  metrics: ServiceMetrics;
  maxBodyBytes: number;
  maxRows: number;
  /** how deep the request's JSON may nest (413 beyond) */
  maxJsonDepth: number;
  tracker: RequestTracker | undefined;
  alerter: Alerter | undefined;
  identity: Identity;
  /** where bugs of ours (a 500 not from the model) are logged */
  log: (line: string) => void;
}

/** An answer to `POST /predict`: status, JSON text and headers. */
export interface PredictReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * `POST /predict`: reads and checks the rows against the shape (422 listing every problem), counts
 * drift, runs the model in its worker and checks what it returned against the output fields (a
 * model answering off its shape is a 500, never passed on). The call's timeout counts from the
 * request's arrival, body reading included. Every request is measured; with a
 * tracker it is a usage event `predict`; a 5xx of the model posts an alert naming `name@version`.
 */
export function createPredictHandler(deps: PredictDeps): (request: IncomingMessage) => Promise<PredictReply> {
  const { envelope, metrics } = deps;
  const label = modelLabel(envelope);
  const { inputs, outputs } = envelope.function.shape;
  const ranges = trainingRanges(inputs, envelope.data.features);
  const prefix = `{"model":${JSON.stringify(envelope.name)},"version":${envelope.version},"predictions":`;

  async function answer(request: IncomingMessage, seen: { rows: number }, arrivedAt: number): Promise<PredictReply> {
    const rows = readPredictRequest(parseBoundedJson(await readBody(request, deps.maxBodyBytes), deps.maxJsonDepth), inputs, deps.maxRows);
    seen.rows = rows.length;
    const drift = countDrift(rows, ranges);
    metrics.drift(drift);
    const predictions = await deps.pool.predict(rows, arrivedAt);
    checkPredictions(predictions, rows.length, outputs, label);
    const header = formatDriftHeader(drift);
    return { status: 200, body: `${prefix}${JSON.stringify(predictions)}}`, headers: header === undefined ? {} : { "x-envelope-drift": header } };
  }

  return async (request) => {
    const started = performance.now();
    const arrivedAt = deps.tracker ? Date.now() : 0;
    // filled in once the body is read; the usage event counts the rows
    const seen = { rows: 0 };
    let reply: PredictReply;
    let code: string | undefined;
    try {
      reply = await answer(request, seen, started);
      deps.tracker?.record(arrivedAt, performance.now() - started, seen.rows, false);
    } catch (error) {
      deps.tracker?.record(arrivedAt, performance.now() - started, seen.rows, true, error);
      const failure = serviceError(error);
      if (failure.code === "ENVELOPE_SERVER") deps.log(`${label}: POST /predict: ${(error as Error)?.stack ?? String(error)}`);
      else if (failure.status >= 500) deps.alerter?.notify({ ...deps.identity, fn: "predict", model: label, error });
      code = failure.code;
      reply = { status: failure.status, body: JSON.stringify(failure.body), headers: failure.headers };
    }
    metrics.observe(reply.status, code, (performance.now() - started) / 1000, code === undefined ? seen.rows : 0);
    return reply;
  };
}
