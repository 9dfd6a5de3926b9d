import { errorKind, isAlertable } from "./errorKind.ts";
import { formatAlert, type AlertFacts } from "./formatAlert.ts";

export interface AlerterOptions {
  /** the Slack-compatible incoming webhook URL */
  webhook: string;
  /** at most one alert per error kind in this many milliseconds; default 60,000 */
  minIntervalMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
  onError?: (error: unknown) => void;
}

export interface Alerter {
  /** posts an alert for a failed call unless its kind was alerted recently; never throws */
  notify(facts: AlertFacts): void;
  /** resolves when every alert posted so far is delivered (or failed) */
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
      const body = JSON.stringify(formatAlert({ ...facts, suppressed }));
      const posting = send(options.webhook, { method: "POST", headers: { "content-type": "application/json" }, body })
        .then(async (response) => {
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`alert webhook ${options.webhook} answered ${response.status}`);
        })
        .catch((error: unknown) => options.onError?.(error))
        .finally(() => pending.delete(posting));
      pending.add(posting);
    },
    async flush() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
