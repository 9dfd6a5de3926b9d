import { createAlerter, type Alerter, type AlerterOptions } from "../alerts/createAlerter.ts";
import { keepAlerts } from "../alerts/keepAlerts.ts";
import type { Transport } from "./createTransport.ts";

/** The client's `alerts` option: the alerter's, and whether posted alerts are kept in the registry (default true). */
export type ClientAlertOptions = Pick<AlerterOptions, "webhook" | "minIntervalMs" | "timeoutMs" | "onError"> & { record?: boolean };

/**
 * The client's alerter: failure alerts to the webhook and, unless `record: false`, each posted
 * alert kept in the registry (`POST /v1/alerts`, what the dashboard lists), sent as it is
 * reported and bounded by `recordTimeoutMs` like a usage event. A registry that refuses or does
 * not answer is told to `onError`, never to the call that failed. `flush` waits for both.
 */
export function createClientAlerter(options: ClientAlertOptions, request: Transport, recordTimeoutMs: number, fetch?: typeof globalThis.fetch): Alerter {
  const { record = true, ...alerts } = options;
  const keeper = keepAlerts((alert) => request("POST", "/v1/alerts", { json: { alerts: [alert] }, signal: AbortSignal.timeout(recordTimeoutMs) }), (error) => options.onError?.(error));
  const alerter = createAlerter({ ...alerts, ...(fetch ? { fetch } : {}), ...(record ? { record: keeper.record } : {}) });
  return {
    notify: (facts) => alerter.notify(facts),
    async flush() {
      await alerter.flush();
      await keeper.settled();
    },
  };
}
