import { readQueryParams } from "../readQueryParams.ts";
import type { Route } from "../Route.ts";
import { usageWindowParameters, usageWindowParams } from "./usageWindowParams.ts";
import { pageParameters, pageSchema } from "./versionSchemas.ts";

const userRow = { type: "object", properties: { user: { type: "string" }, team: { type: ["string", "null"] }, firstAt: { type: "string", format: "date-time" }, calls: { type: "integer" }, failures: { type: "integer" } } };

/** `GET /v1/usage/users?since=ISO&team=T&limit=N&cursor=C`: calls and failures per user in the window, most calls first, with each user's first call ever, a page at a time. */
export const usageUsers: Route = {
  method: "GET",
  path: "/v1/usage/users",
  operationId: "usageUsers",
  summary: "Calls and failures per user since a time, most calls first (own team; admins: all teams or one)",
  auth: true,
  query: [usageWindowParameters.since, usageWindowParameters.team, ...pageParameters],
  success: { status: 200, description: "a page of users and the cursor of the next", schema: pageSchema("users", userRow) },
  async handle({ query, principal, services }) {
    const params = readQueryParams(query, ["since", "team", "limit", "cursor"]);
    const window = usageWindowParams(params, services.now(), false);
    const limit = params.limit();
    const after = params.cursor("users", ["number"]);
    params.done();
    return { status: 200, json: await services.store.usageUsers({ ...window(principal), limit, ...(after === undefined ? {} : { after }) }) };
  },
};
