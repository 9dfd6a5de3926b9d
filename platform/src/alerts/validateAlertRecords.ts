import { assertNoProblems } from "../errors/EnvelopeError.ts";
import { Checks } from "../envelope/Checks.ts";
import type { AlertRecord } from "../store/DashboardStore.ts";

/** The most alerts one `POST /v1/alerts` may carry. */
export const maxAlertsPerRequest = 100;
const sources = ["client", "serve", "batch"] as const;

/**
 * Checks the alerts a client or service says it posted (`{ alerts: [...] }`, at most 100): each
 * an ISO time `at`, a `kind` (an error code or class), the alert's `text` (at most 4,000
 * characters), the webhook's `status` (100 to 599, or null when it did not answer) and a
 * `source`. A 422 lists every problem; nothing is recorded then.
 */
export function validateAlertRecords(body: unknown): AlertRecord[] {
  const checks = new Checks();
  if (checks.record(body, "(body)")) {
    checks.onlyKeys(body, "", ["alerts"]);
    const alerts = body["alerts"];
    if (checks.array(alerts, "alerts", maxAlertsPerRequest)) {
      alerts.forEach((alert, index) => {
        const at = `alerts[${index}]`;
        if (!checks.record(alert, at) || checks.full) return;
        checks.onlyKeys(alert, at, ["at", "kind", "text", "status", "source"]);
        if (checks.string(alert["at"], `${at}.at`, { pattern: /^\d{4}-\d\d-\d\dT/, describe: "an ISO time" }) && Number.isNaN(Date.parse(alert["at"]))) checks.fail(`${at}.at`, "an ISO time", alert["at"]);
        checks.string(alert["kind"], `${at}.kind`, { max: 128, pattern: /^\S/, describe: "an error code or class" });
        checks.string(alert["text"], `${at}.text`, { max: 4000 });
        if (alert["status"] !== null) checks.number(alert["status"], `${at}.status`, { integer: true, min: 100, max: 599, describe: "the webhook's HTTP status (100 to 599), or null" });
        checks.oneOf(alert["source"], `${at}.source`, sources);
      });
    }
  }
  assertNoProblems(checks.problems, "the alerts");
  return (body as { alerts: AlertRecord[] }).alerts.map((alert) => ({ ...alert, at: new Date(alert.at).toISOString() }));
}
