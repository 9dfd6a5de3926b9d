import type { Route } from "../Route.ts";

/** `GET /v1/whoami`: the caller's user and team, to check a token. */
export const whoami: Route = {
  method: "GET",
  path: "/v1/whoami",
  operationId: "whoami",
  summary: "The user and team of the bearer token",
  auth: true,
  success: { status: 200, description: "the caller", schema: { type: "object", properties: { user: { type: "string" }, team: { type: "string" }, admin: { type: "boolean" } } } },
  async handle({ principal }) {
    return { status: 200, json: principal };
  },
};
