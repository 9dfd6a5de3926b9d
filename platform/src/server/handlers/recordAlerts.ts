import { validateAlertRecords } from "../../alerts/validateAlertRecords.ts";
import type { Route } from "../Route.ts";
import { alertRowSchema } from "./readAlerts.ts";

/**
 * `POST /v1/alerts`: keeps alerts a client or service says it posted to its webhook, with the
 * webhook's answer; user and team come from the token. `GET /v1/alerts` reads them back.
 */
export const recordAlerts: Route = {
  method: "POST",
  path: "/v1/alerts",
  operationId: "recordAlerts",
  summary: "Record alerts that were sent to a webhook, with its status code (user and team are the token's)",
  auth: true,
  requestBody: { type: "object", properties: { alerts: { type: "array", maxItems: 100, items: alertRowSchema } }, required: ["alerts"] },
  success: { status: 201, description: "how many were recorded", schema: { type: "object", properties: { recorded: { type: "integer" } } } },
  async handle({ principal, json, services }) {
    const alerts = validateAlertRecords(await json());
    return { status: 201, json: { recorded: await services.store.recordAlerts(alerts, principal) } };
  },
};
