import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import { Checks } from "../../envelope/Checks.ts";
import { validateEvents } from "../../tracking/validateEvents.ts";
import { checkEventTimes } from "../checkEventTimes.ts";
import type { Route } from "../Route.ts";

/**
 * `POST /v1/events`: records client usage events; user and team come from the token, not the
 * body, and each event's time must lie within a day before to 5 minutes after the registry's
 * clock (a batch with one outside is a 422 and none of it is recorded).
 */
export const recordEvents: Route = {
  method: "POST",
  path: "/v1/events",
  operationId: "recordEvents",
  summary: "Record usage events from a client (user and team are the token's; each `at` from 24 h before to 5 min after the registry's clock)",
  auth: true,
  requestBody: { type: "object", properties: { events: { type: "array", items: { $ref: "#/components/schemas/UsageEvent" } } }, required: ["events"] },
  success: { status: 202, description: "how many were recorded", schema: { type: "object", properties: { recorded: { type: "integer" } } } },
  async handle({ principal, json, services }) {
    const body = await json();
    const checks = new Checks();
    if (checks.record(body, "(body)")) checks.onlyKeys(body, "", ["events"]);
    assertNoProblems(checks.problems, "the request");
    const valid = validateEvents((body as { events: unknown }).events);
    checkEventTimes(checks, valid, services.now());
    assertNoProblems(checks.problems, "the events");
    const events = valid.map((event) => ({ ...event, user: principal.user, team: principal.team }));
    await services.store.recordEvents(events);
    return { status: 202, json: { recorded: events.length } };
  },
};
