import { readQueryParams } from "../readQueryParams.ts";
import type { Route } from "../Route.ts";
import { usageWindowParameters, usageWindowParams } from "./usageWindowParams.ts";

/** `GET /v1/usage/functions?since=ISO&team=T`: calls, failures, failure rate and users per client function, most called first. */
export const usageFunctions: Route = {
  method: "GET",
  path: "/v1/usage/functions",
  operationId: "usageFunctions",
  summary: "Calls, failures, failure rate and users per client function since a time (own team; admins: all teams or one)",
  auth: true,
  query: [usageWindowParameters.since, usageWindowParameters.team],
  success: {
    status: 200,
    description: "functions, most called first",
    schema: { type: "object", properties: { functions: { type: "array", items: { type: "object", properties: { fn: { type: "string" }, calls: { type: "integer" }, failures: { type: "integer" }, failureRate: { type: "number" }, users: { type: "integer" } } } } } },
  },
  async handle({ query, principal, services }) {
    const params = readQueryParams(query, ["since", "team"]);
    const window = usageWindowParams(params, services.now(), false);
    params.done();
    return { status: 200, json: { functions: await services.store.usageByFunction(window(principal)) } };
  },
};
