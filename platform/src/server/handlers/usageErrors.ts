import { suggestFixForCode } from "../../alerts/suggestFixForCode.ts";
import { readQueryParams } from "../readQueryParams.ts";
import type { Route } from "../Route.ts";
import { usageWindowParameters, usageWindowParams } from "./usageWindowParams.ts";
import { pageParameters, pageSchema } from "./versionSchemas.ts";

const errorRow = {
  type: "object",
  properties: {
    fn: { type: "string" },
    errorClass: { type: ["string", "null"] },
    errorCode: { type: ["string", "null"] },
    message: { type: "string" },
    count: { type: "integer" },
    users: { type: "integer" },
    lastAt: { type: "string", format: "date-time" },
    fix: { type: ["string", "null"] },
  },
};

/**
 * `GET /v1/usage/errors?since=ISO&fn=F&team=T&limit=N&cursor=C`: failed calls grouped by
 * function, error class, code and message, most frequent first, with how many users hit each,
 * when it last happened and the suggested fix for its code (as alerts give it), a page at a time.
 */
export const usageErrors: Route = {
  method: "GET",
  path: "/v1/usage/errors",
  operationId: "usageErrors",
  summary: "Failures grouped by function and error, most frequent first, with a suggested fix (own team; admins: all teams or one)",
  auth: true,
  query: [usageWindowParameters.since, usageWindowParameters.fn, usageWindowParameters.team, ...pageParameters],
  success: { status: 200, description: "a page of errors and the cursor of the next", schema: pageSchema("errors", errorRow) },
  async handle({ query, principal, services }) {
    const params = readQueryParams(query, ["since", "fn", "team", "limit", "cursor"]);
    const window = usageWindowParams(params, services.now(), true);
    const limit = params.limit();
    const after = params.cursor("errors", ["number"]);
    params.done();
    const page = await services.store.usageErrors({ ...window(principal), limit, ...(after === undefined ? {} : { after }) });
    return { status: 200, json: { errors: page.errors.map((error) => ({ ...error, fix: suggestFixForCode(error.errorCode) })), next: page.next } };
  },
};
