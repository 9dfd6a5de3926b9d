import { readQueryParams } from "../readQueryParams.ts";
import type { Route } from "../Route.ts";
import { pageParameters, pageSchema } from "./versionSchemas.ts";

export const alertRowSchema = {
  type: "object",
  properties: {
    at: { type: "string", format: "date-time" },
    kind: { type: "string" },
    text: { type: "string" },
    status: { type: ["integer", "null"] },
    source: { type: "string", enum: ["client", "serve", "batch"] },
  },
};

const storedAlert = { ...alertRowSchema, properties: { id: { type: "integer" }, ...alertRowSchema.properties, user: { type: ["string", "null"] }, team: { type: ["string", "null"] } } };

/** `GET /v1/alerts?limit=N&cursor=C`: the alerts recorded with `POST /v1/alerts`, newest first; a team's token reads its team's, an admin's every team's. */
export const readAlerts: Route = {
  method: "GET",
  path: "/v1/alerts",
  operationId: "readAlerts",
  summary: "The alerts clients and services sent, with the webhook's status code, newest first (own team; admins: all)",
  auth: true,
  query: pageParameters,
  success: { status: 200, description: "a page of alerts and the cursor of the next", schema: pageSchema("alerts", storedAlert) },
  async handle({ query, principal, services }) {
    const params = readQueryParams(query, ["limit", "cursor"]);
    const limit = params.limit();
    const after = params.cursor("alerts", ["number"]);
    params.done();
    return { status: 200, json: await services.store.readAlerts({ limit, ...(principal.admin ? {} : { team: principal.team }), ...(after === undefined ? {} : { after }) }) };
  },
};
