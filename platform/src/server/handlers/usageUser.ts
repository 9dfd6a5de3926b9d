import { readQueryParams } from "../readQueryParams.ts";
import type { Route } from "../Route.ts";
import { usageWindowParameters, usageWindowParams } from "./usageWindowParams.ts";

const callCounts = { type: "object", properties: { fn: { type: "string" }, calls: { type: "integer" }, failures: { type: "integer" } } };
const failure = { type: "object", properties: { at: { type: "string", format: "date-time" }, fn: { type: "string" }, errorCode: { type: ["string", "null"] }, message: { type: ["string", "null"] } } };

/**
 * `GET /v1/usage/users/{user}?since=ISO&team=T`: one user's calls and failures per function in
 * the window, and their 20 latest failures, newest first. A user without calls in the window
 * gets empty lists.
 */
export const usageUser: Route = {
  method: "GET",
  path: "/v1/usage/users/{user}",
  operationId: "usageUser",
  summary: "One user's calls per function and latest failures since a time (own team; admins: all teams or one)",
  auth: true,
  query: [usageWindowParameters.since, usageWindowParameters.team],
  success: { status: 200, description: "the user's calls and latest failures", schema: { type: "object", properties: { user: { type: "string" }, functions: { type: "array", items: callCounts }, recentFailures: { type: "array", items: failure } } } },
  async handle({ params: path, query, principal, services }) {
    const params = readQueryParams(query, ["since", "team"]);
    const window = usageWindowParams(params, services.now(), false);
    params.done();
    return { status: 200, json: await services.store.userUsage(path["user"]!, window(principal)) };
  },
};
