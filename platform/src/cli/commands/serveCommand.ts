import { keepAlerts } from "../../alerts/keepAlerts.ts";
import { Registry } from "../../client/Registry.ts";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { loadServable } from "../../serving/loadServable.ts";
import { parseModelRef } from "../../serving/parseModelRef.ts";
import { serve } from "../../serving/serve.ts";
import { registrySink } from "../../tracking/registrySink.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags, Operands } from "../Command.ts";
import { stopSignal } from "../stopSignal.ts";

export const serveHelp = `envelope serve: serve a model's predictions over HTTP

Usage: envelope serve MODEL [--port N] [--host H] [--timeout MS] [--workers N] [--max-memory MB]
                            [--max-queue N] [--service NAME] [--url URL --token TOKEN]

  MODEL           name@version (churn@3), name (its latest version), or a tag query
                  (name=churn,stage=prod: the newest version with every tag)
  --port N        default 8081 (0: any free port)
  --host H        default 127.0.0.1
  --timeout MS    a request not answered this long after it arrived is answered 504; a worker
                  still running it is replaced (default 5000)
  --workers N     worker processes running the model (default 1)
  --max-memory MB each worker's JavaScript heap limit; a worker over it fails its request (500)
                  and is replaced (default 512)
  --max-queue N   requests waiting for a worker at most; one more is answered 503 with
                  Retry-After (default 100)
  --service NAME  the service's name in usage events and alerts (default MODEL's name@version)
  --url URL       the registry (default: ENVELOPE_REGISTRY_URL)
  --token T       a registry token (default: ENVELOPE_TOKEN)

  Endpoints: POST /predict {"rows": [...]}, GET /openapi.json, GET /healthz, GET /metrics.
  Each request is a usage event \`predict\` in the registry; with ENVELOPE_ALERT_WEBHOOK set, a
  model failure (500, 504) posts an alert naming the model and version.`;

/** The flags `envelope serve` accepts. */
export const serveFlags: Flags = {
  port: { type: "string" },
  host: { type: "string" },
  timeout: { type: "string" },
  workers: { type: "string" },
  "max-memory": { type: "string" },
  "max-queue": { type: "string" },
  service: { type: "string" },
  url: { type: "string" },
  token: { type: "string" },
};

/** `envelope serve` takes one argument, the model. */
export const serveOperands: Operands = { count: 1, expected: "one MODEL (churn@3 or name=churn,stage=prod)" };

/** `--name` as a whole number from `min` to `max` (`fallback` when absent); ENVELOPE_CONFIG naming the flag otherwise. */
export function whole(values: FlagValues, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(values[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max) throw new EnvelopeError("ENVELOPE_CONFIG", `--${name} ${values[name]}: expected a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? "" : ` to ${max}`}`);
  return value;
}

/** `envelope serve MODEL`: reads the model from the registry and serves it until stopped; `model` is checked present by serveOperands. */
export async function serveCommand(model: string, values: FlagValues, io: CliIo): Promise<number> {
  const ref = parseModelRef(model);
  const port = whole(values, "port", 8081, 0, 65535);
  const timeoutMs = whole(values, "timeout", 5000, 1);
  const workers = whole(values, "workers", 1, 1, 64);
  const memoryLimitMb = whole(values, "max-memory", 512, 16, 1024 * 1024);
  const maxQueue = whole(values, "max-queue", 100, 0);
  const url = (values["url"] as string | undefined) ?? io.env["ENVELOPE_REGISTRY_URL"];
  const token = (values["token"] as string | undefined) ?? io.env["ENVELOPE_TOKEN"];
  if (!url || !token) throw new EnvelopeError("ENVELOPE_CONFIG", "no registry: pass --url and --token (or set ENVELOPE_REGISTRY_URL and ENVELOPE_TOKEN)");
  const webhook = io.env["ENVELOPE_ALERT_WEBHOOK"];
  const registry = new Registry({ url, token });
  const { envelope, state } = await loadServable(registry, ref);
  // each alert posted is also kept in the registry (GET /v1/alerts, the dashboard's alerts)
  const keeper = keepAlerts((alert) => registry.dashboard.recordAlerts([alert]), (error) => io.stderr(`envelope serve: an alert was posted but not kept in the registry: ${(error as Error)?.message ?? String(error)}\n`));
  const service = await serve(envelope, {
    state,
    port,
    host: (values["host"] as string | undefined) ?? "127.0.0.1",
    timeoutMs,
    workers,
    memoryLimitMb,
    maxQueue,
    ...(typeof values["service"] === "string" ? { service: values["service"] } : {}),
    tracking: registrySink({ url, token }),
    ...(webhook ? { alerts: { webhook, record: keeper.record } } : {}),
    log: (line) => io.stderr(`${line}\n`),
  });
  io.stdout(`serving ${envelope.name}@${envelope.version} on ${service.url} (POST /predict, GET /openapi.json, GET /healthz, GET /metrics)\n`);
  await (io.stopped ?? stopSignal());
  await service.close();
  await keeper.settled();
  return 0;
}
