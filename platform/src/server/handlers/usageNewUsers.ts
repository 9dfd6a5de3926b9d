import { readQueryParams } from "../readQueryParams.ts";
import type { Route } from "../Route.ts";
import { usageWindowParameters, usageWindowParams } from "./usageWindowParams.ts";

/**
 * `GET /v1/usage/new-users?since=ISO&team=T`: users whose first recorded call is at or after
 * `since`, counted per week (Monday, UTC), from the first such week to the last, empty weeks
 * included. A team's token counts its team; an admin's every team, or one with `team`.
 */
export const usageNewUsers: Route = {
  method: "GET",
  path: "/v1/usage/new-users",
  operationId: "usageNewUsers",
  summary: "New users per week since a time (own team; admins: all teams or one)",
  auth: true,
  query: [usageWindowParameters.since, usageWindowParameters.team],
  success: { status: 200, description: "weeks, oldest first", schema: { type: "object", properties: { weeks: { type: "array", items: { type: "object", properties: { week: { type: "string", format: "date" }, users: { type: "integer" } } } } } } },
  async handle({ query, principal, services }) {
    const params = readQueryParams(query, ["since", "team"]);
    const window = usageWindowParams(params, services.now(), false);
    params.done();
    return { status: 200, json: { weeks: await services.store.newUsersByWeek(window(principal)) } };
  },
};
