import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import { Checks } from "../../envelope/Checks.ts";
import { validateEvents } from "../../tracking/validateEvents.ts";
import type { Route } from "../Route.ts";

/** `POST /v1/events`: records client usage events; user and team come from the token, not the body. */
export const recordEvents: Route = {
  method: "POST",
  path: "/v1/events",
  operationId: "recordEvents",
  summary: "Record usage events from a client (user and team are the token's)",
  auth: true,
  requestBody: { type: "object", properties: { events: { type: "array", items: { $ref: "#/components/schemas/UsageEvent" } } }, required: ["events"] },
  success: { status: 202, description: "how many were recorded", schema: { type: "object", properties: { recorded: { type: "integer" } } } },
  async handle({ principal, json, services }) {
    const body = await json();
    const checks = new Checks();
    if (checks.record(body, "(body)")) checks.onlyKeys(body, "", ["events"]);
    assertNoProblems(checks.problems, "the request");
    const events = validateEvents((body as { events: unknown }).events).map((event) => ({ ...event, user: principal.user, team: principal.team }));
    await services.store.recordEvents(events);
    return { status: 202, json: { recorded: events.length } };
  },
};
