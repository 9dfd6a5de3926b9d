import { requireAdmin } from "../../auth/requireAdmin.ts";
import type { Route } from "../Route.ts";
import { tokenInfoSchema } from "./tokenSchema.ts";

/** `GET /v1/tokens`: every token by id, with its user, team, admin flag, creation and last use; never a token or its hash. */
export const listTokens: Route = {
  method: "GET",
  path: "/v1/tokens",
  operationId: "listTokens",
  summary: "List the issued tokens, by id (admin tokens only); never the tokens themselves",
  auth: true,
  success: { status: 200, description: "the tokens", schema: { type: "object", properties: { tokens: { type: "array", items: tokenInfoSchema } } } },
  async handle({ principal, services }) {
    requireAdmin(principal, "list tokens");
    return { status: 200, json: { tokens: await services.store.listTokens() } };
  },
};
