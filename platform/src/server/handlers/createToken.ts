import { issueTokenInfo } from "../../auth/issueToken.ts";
import { requireAdmin } from "../../auth/requireAdmin.ts";
import { Checks } from "../../envelope/Checks.ts";
import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import type { Route } from "../Route.ts";
import { tokenInfoSchema } from "./tokenSchema.ts";

/** `POST /v1/tokens`: an admin issues a token for a user of a team; the answer holds the token, shown this once. */
export const createToken: Route = {
  method: "POST",
  path: "/v1/tokens",
  operationId: "createToken",
  summary: "Issue a bearer token for a user of a team (admin tokens only); the token is in this answer only",
  auth: true,
  requestBody: { type: "object", required: ["user", "team"], properties: { user: { type: "string" }, team: { type: "string" }, admin: { type: "boolean" } } },
  success: { status: 201, description: "the token and what the registry keeps of it", schema: { ...tokenInfoSchema, properties: { token: { type: "string" }, ...tokenInfoSchema.properties } } },
  async handle({ principal, json, services }) {
    requireAdmin(principal, "issue tokens");
    const body = await json();
    const checks = new Checks();
    if (checks.record(body, "(body)")) {
      checks.onlyKeys(body, "", ["user", "team", "admin"]);
      if (body["admin"] !== undefined && typeof body["admin"] !== "boolean") checks.fail("admin", "true or false", body["admin"]);
    }
    assertNoProblems(checks.problems, "the request");
    const { user, team, admin } = body as { user: string; team: string; admin?: boolean };
    return { status: 201, json: await issueTokenInfo(services.store, { user, team, admin: admin ?? false }) };
  },
};
