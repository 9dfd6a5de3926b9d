import type { Route } from "../Route.ts";

/** `GET /v1/health`: no token needed; says the registry is up and which store it uses. */
export const health: Route = {
  method: "GET",
  path: "/v1/health",
  operationId: "health",
  summary: "Liveness, and the kind of store (pglite or postgres)",
  auth: false,
  success: { status: 200, description: "up", schema: { type: "object", properties: { ok: { type: "boolean" }, store: { type: "string" } } } },
  async handle({ services }) {
    return { status: 200, json: { ok: true, store: services.store.kind } };
  },
};
