import { requireAdmin } from "../../auth/requireAdmin.ts";
import { revokeToken as revoke } from "../../auth/revokeToken.ts";
import { Checks } from "../../envelope/Checks.ts";
import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import type { Route } from "../Route.ts";
import { tokenInfoSchema } from "./tokenSchema.ts";

/**
 * `POST /v1/tokens/revoke` with `{ "id": 3 }` or `{ "token": "env_..." }`: deletes the token; this
 * registry refuses it from the next request (others on the same PostgreSQL within a second).
 * The token travels in the body, never in a URL that logs keep.
 */
export const revokeToken: Route = {
  method: "POST",
  path: "/v1/tokens/revoke",
  operationId: "revokeToken",
  summary: "Revoke a token by id or by the token itself (admin tokens only); refused from the next request",
  auth: true,
  requestBody: { type: "object", properties: { id: { type: "integer", minimum: 1 }, token: { type: "string" } }, description: "exactly one of id and token" },
  success: { status: 200, description: "the revoked token", schema: { type: "object", properties: { revoked: tokenInfoSchema } } },
  async handle({ principal, json, services }) {
    requireAdmin(principal, "revoke tokens");
    const body = await json();
    const checks = new Checks();
    if (checks.record(body, "(body)")) {
      checks.onlyKeys(body, "", ["id", "token"]);
      if ((body["id"] === undefined) === (body["token"] === undefined)) checks.fail("(body)", "exactly one of `id` and `token`");
      else if (body["id"] !== undefined) checks.number(body["id"], "id", { integer: true, min: 1, describe: "a token id from GET /v1/tokens" });
      else checks.string(body["token"], "token", { pattern: /^env_/, max: 200, describe: "a token (env_...)" });
    }
    assertNoProblems(checks.problems, "the request");
    const { id, token } = body as { id?: number; token?: string };
    return { status: 200, json: { revoked: await revoke(services.store, id === undefined ? token! : { id }) } };
  },
};
