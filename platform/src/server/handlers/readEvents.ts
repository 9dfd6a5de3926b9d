import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import { Checks } from "../../envelope/Checks.ts";
import type { Route } from "../Route.ts";

/** `GET /v1/events?since=ISO`: usage events, oldest first; the caller's team's, or every team's for an admin. */
export const readEvents: Route = {
  method: "GET",
  path: "/v1/events",
  operationId: "readEvents",
  summary: "Read usage events since a time (own team; admins: all teams)",
  auth: true,
  query: [{ name: "since", description: "ISO time; default: all", schema: { type: "string", format: "date-time" } }],
  success: { status: 200, description: "the events", schema: { type: "object", properties: { events: { type: "array", items: { $ref: "#/components/schemas/UsageEvent" } } } } },
  async handle({ query, principal, services }) {
    const checks = new Checks();
    const since = query.get("since") ?? "1970-01-01T00:00:00.000Z";
    if (Number.isNaN(Date.parse(since))) checks.fail("query.since", "an ISO time like 2025-01-31T00:00:00Z", since);
    assertNoProblems(checks.problems, "the query");
    const events = await services.store.readEvents(new Date(since).toISOString(), principal.admin ? undefined : principal.team);
    return { status: 200, json: { events } };
  },
};
