import type { AlertRecord, AlertSource } from "../store/DashboardStore.ts";
import { containCallback } from "../tracking/containCallback.ts";
import { errorKind, isAlertable } from "./errorKind.ts";
import { formatAlert, type AlertFacts } from "./formatAlert.ts";

export interface AlerterOptions {
  /** the Slack-compatible incoming webhook URL */
  webhook: string;
  /** at most one alert per error kind in this many milliseconds; default 60,000 */
  minIntervalMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
  /** a post not answered in this time is abandoned (reported to `onError`); default 5,000 */
  timeoutMs?: number;
  /** told about alerts that could not be posted; what it throws is contained (reported once with `warn`) */
  onError?: (error: unknown) => void;
  /** where a throwing `onError` or `record` is reported, once; default stderr */
  warn?: (line: string) => void;
  /**
   * told about each alert posted, once the webhook answered (its status code) or did not (null),
   * e.g. to keep it in the registry (`POST /v1/alerts`); what it throws is contained like `onError`
   */
  record?: (alert: AlertRecord) => void;
  /** who sends the alerts, for `record`; default "client" */
  source?: AlertSource;
}

export interface Alerter {
  /** posts an alert for a failed call unless its kind was alerted recently; never throws */
  notify(facts: AlertFacts): void;
  /** resolves when every alert posted so far is delivered, failed, or abandoned after `timeoutMs` */
  flush(): Promise<void>;
}

/**
 * Failure alerts to a webhook, rate limited per error kind so that a failing loop sends one alert
 * a minute, not thousands; the next alert of that kind says how many were held back.
 */
export function createAlerter(options: AlerterOptions): Alerter {
  const minIntervalMs = options.minIntervalMs ?? 60_000;
  const now = options.now ?? Date.now;
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const warn = options.warn ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const onError = containCallback(options.onError, "alerts: onError", warn);
  const record = containCallback(options.record, "alerts: record", warn);
  const source = options.source ?? "client";
  const last = new Map<string, number>();
  const held = new Map<string, number>();
  const pending = new Set<Promise<void>>();
  return {
    notify(facts) {
      if (!isAlertable(facts.error)) return;
      const kind = errorKind(facts.error);
      const previous = last.get(kind);
      if (previous !== undefined && now() - previous < minIntervalMs) {
        held.set(kind, (held.get(kind) ?? 0) + 1);
        return;
      }
      last.set(kind, now());
      const suppressed = held.get(kind) ?? 0;
      held.delete(kind);
      const message = formatAlert({ ...facts, suppressed });
      const at = new Date(now()).toISOString();
      const posted = (status: number | null) => record({ at, kind, text: message.text, status, source });
      const posting = Promise.resolve()
        .then(() => send(options.webhook, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(message), signal: AbortSignal.timeout(timeoutMs) }))
        .then(
          async (response) => {
            posted(response.status);
            await response.arrayBuffer();
            if (!response.ok) throw new Error(`alert webhook ${options.webhook} answered ${response.status}`);
          },
          (error: unknown) => {
            posted(null);
            throw error;
          },
        )
        .catch((error: unknown) => onError(error))
        .finally(() => pending.delete(posting));
      pending.add(posting);
    },
    async flush() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
