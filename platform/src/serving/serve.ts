import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createAlerter, type AlerterOptions } from "../alerts/createAlerter.ts";
import type { SavedEnvelope } from "../envelope/Envelope.ts";
import { createRequestTracker } from "../tracking/createRequestTracker.ts";
import type { UsageSink } from "../tracking/UsageSink.ts";
import { platformVersion } from "../version.ts";
import { buildServiceOpenApi } from "./buildServiceOpenApi.ts";
import { checkServable } from "./checkServable.ts";
import { createPredictHandler } from "./createPredictHandler.ts";
import { createServiceMetrics } from "./createServiceMetrics.ts";
import { createWorkerPool, workerPoolDefaults } from "./createWorkerPool.ts";
import { modelLabel } from "./modelLabel.ts";

export interface ServeOptions {
  /** the model's state: the envelope's artifact, JSON parsed or bytes (see `loadServable`) */
  state: unknown;
  /** default 0: an ephemeral port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** a request not answered this long after it arrived is answered 504 (its worker, if running it, replaced); default 5,000 ms */
  timeoutMs?: number;
  /** worker processes running the model; default 1 */
  workers?: number;
  /** each worker's JavaScript heap limit; a worker over it fails its call (500) and is replaced; default 512 MB */
  memoryLimitMb?: number;
  /** requests waiting for a worker at most; one more is answered 503 with Retry-After; default 100 */
  maxQueue?: number;
  /** how deep a request's JSON may nest; deeper is a 413; default 64 */
  maxJsonDepth?: number;
  /** the largest request body accepted; default 16 MiB */
  maxBodyBytes?: number;
  /** the most rows in one request; default 10,000 */
  maxRows?: number;
  /** the service's name in usage events and alerts (e.g. a deployment rule's service); default `name@version` */
  service?: string;
  /** record a usage event `predict` per request here (e.g. `registrySink(url, token)`) */
  tracking?: UsageSink;
  /** post an alert to this Slack-compatible webhook when the model fails a request (500/504) */
  alerts?: Pick<AlerterOptions, "webhook" | "minIntervalMs" | "fetch" | "onError" | "record">;
  /** where our own failures are logged; default stderr */
  log?: (line: string) => void;
  /** the running Node version, compared with the envelope's; default `process.version` */
  nodeVersion?: string;
}

export interface RunningService {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** the version served */
  model: { name: string; version: number };
  close(): Promise<void>;
}

function reply(response: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, "content-type": contentType, "content-length": Buffer.byteLength(body) });
  response.end(body);
}

const jsonType = "application/json; charset=utf-8";

function notFound(method: string, path: string, allowed: string | undefined): { status: number; body: string } {
  const [code, status, message] = allowed ? ["ENVELOPE_METHOD_NOT_ALLOWED", 405, `${method} is not allowed on ${path}; expected ${allowed}`] : ["ENVELOPE_NOT_FOUND", 404, `no route ${method} ${path}; expected POST /predict, GET /openapi.json, GET /healthz or GET /metrics`];
  return { status, body: JSON.stringify({ error: { code, status, message, problems: [] } }) };
}

const allowedMethods: Record<string, string> = { "/predict": "POST", "/openapi.json": "GET", "/healthz": "GET", "/metrics": "GET" };

/**
 * Starts an HTTP prediction service for a saved envelope, on loopback by default: `POST /predict`
 * (a batch of rows, checked against the shape), `GET /openapi.json` (generated from the shape),
 * `GET /healthz` and `GET /metrics` (Prometheus). The model is the envelope's custom code, a
 * module exporting `predict(rows, state)` (sync or async), run with `state` in worker processes
 * of its own, each with a memory limit, behind a bounded queue (see `createWorkerPool`).
 * Refuses to start (`ENVELOPE_NOT_SERVABLE`) when this Node's major version differs from the
 * envelope's, or the code is missing, altered, or does not export `predict`.
 */
export async function serve(envelope: SavedEnvelope, options: ServeOptions): Promise<RunningService> {
  const code = checkServable(envelope, options.nodeVersion);
  const label = modelLabel(envelope);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const maxRows = options.maxRows ?? 10_000;
  const metrics = createServiceMetrics(envelope, envelope.function.shape.inputs.map((field) => field.name));
  const pool = await createWorkerPool({
    source: code.code,
    state: options.state,
    label,
    size: options.workers ?? workerPoolDefaults.size,
    timeoutMs: options.timeoutMs ?? workerPoolDefaults.timeoutMs,
    memoryLimitMb: options.memoryLimitMb ?? workerPoolDefaults.memoryLimitMb,
    maxQueue: options.maxQueue ?? workerPoolDefaults.maxQueue,
    onReplace: (reason) => {
      metrics.replaced();
      log(`${label}: replaced a model worker: ${reason}`);
    },
    onError: (error) => log(`${label}: ${(error as Error).message}`),
  });
  const identity = { user: options.service ?? label, team: envelope.team };
  const tracker = options.tracking ? createRequestTracker({ sink: options.tracking, fields: { fn: "predict", model: label, clientVersion: platformVersion, ...identity }, onError: (error) => log(`${label}: usage events not recorded: ${(error as Error).message}`) }) : undefined;
  const alerter = options.alerts ? createAlerter({ ...options.alerts, source: "serve" }) : undefined;
  const predict = createPredictHandler({ envelope, pool, metrics, maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024, maxRows, maxJsonDepth: options.maxJsonDepth ?? 64, tracker, alerter, identity, log });
  const openApi = JSON.stringify(buildServiceOpenApi(envelope, maxRows));

  const server = createServer({ keepAliveTimeout: 10_000 }, (request, response) => {
    const method = request.method ?? "GET";
    const path = (request.url ?? "/").split("?")[0]!;
    if (method === "POST" && path === "/predict") {
      predict(request).then(
        (answer) => reply(response, answer.status, jsonType, answer.body, answer.headers),
        (error: unknown) => {
          log(`${label}: POST /predict: ${(error as Error)?.stack ?? String(error)}`);
          response.destroy();
        },
      );
      return;
    }
    // the body of anything else is never read; drain it so that keep-alive connections stay usable
    request.resume();
    if (method === "GET" && path === "/openapi.json") return reply(response, 200, jsonType, openApi);
    if (method === "GET" && path === "/metrics") return reply(response, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
    if (method === "GET" && path === "/healthz") {
      const workers = pool.status();
      return reply(response, workers.ready > 0 ? 200 : 503, jsonType, JSON.stringify({ ok: workers.ready > 0, model: envelope.name, version: envelope.version, workers }));
    }
    const allowed = allowedMethods[path];
    const missing = notFound(method, path, allowed);
    return reply(response, missing.status, jsonType, missing.body, allowed ? { allow: allowed } : {});
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
    });
  } catch (error) {
    await pool.close();
    throw error;
  }
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(":") ? `[${address}]` : address}:${port}`,
    port,
    model: { name: envelope.name, version: envelope.version },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.close();
      await tracker?.flush();
      await alerter?.flush();
    },
  };
}
