import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import { Checks } from "../../envelope/Checks.ts";
import { expandSharedEvents, usageEventKeys } from "../../tracking/expandSharedEvents.ts";
import { maxEventsPerRequest, validateEvents } from "../../tracking/validateEvents.ts";
import { checkEventTimes } from "../checkEventTimes.ts";
import type { Route } from "../Route.ts";

/**
 * `POST /v1/events`: records client usage events; user and team come from the token, not the
 * body, and each event's time must lie within a day before to 5 minutes after the registry's
 * clock (a batch with one outside is a 422 and none of it is recorded). `shared` holds fields
 * every event has unless it says otherwise (a service sends its function and model once).
 */
export const recordEvents: Route = {
  method: "POST",
  path: "/v1/events",
  operationId: "recordEvents",
  summary: "Record usage events from a client (user and team are the token's; each `at` from 24 h before to 5 min after the registry's clock)",
  auth: true,
  requestBody: {
    type: "object",
    properties: {
      events: { type: "array", items: { description: "a UsageEvent, or part of one that `shared` completes", type: "object" } },
      shared: { description: "fields of a UsageEvent that every event lacking them takes", type: "object" },
    },
    required: ["events"],
  },
  success: { status: 202, description: "how many were recorded", schema: { type: "object", properties: { recorded: { type: "integer" } } } },
  async handle({ principal, json, services }) {
    const body = await json();
    const checks = new Checks();
    if (checks.record(body, "(body)")) {
      checks.onlyKeys(body, "", ["events", "shared"]);
      const { shared, events } = body;
      if (shared !== undefined && checks.record(shared, "shared")) {
        checks.onlyKeys(shared, "shared", usageEventKeys);
        // what every event takes is stored once per event: no more than a body at the limit could hold
        const stored = JSON.stringify(shared).length * (Array.isArray(events) ? events.length : 0);
        if (stored > services.maxBodyBytes) checks.failDescribed("shared", `at most ${services.maxBodyBytes} bytes once given to every event (send fewer events a request, or share less)`, `${stored} bytes`);
      }
    }
    assertNoProblems(checks.problems, "the request");
    const { events: sent, shared } = body as { events: unknown; shared?: Record<string, unknown> };
    // user and team are the token's, whatever the body says
    const own = { user: principal.user, team: principal.team };
    const expanded = shared !== undefined && Array.isArray(sent) && sent.length <= maxEventsPerRequest ? expandSharedEvents(shared, sent, own) : sent;
    const valid = validateEvents(expanded);
    checkEventTimes(checks, valid, services.now());
    assertNoProblems(checks.problems, "the events");
    const events = expanded === sent ? valid.map((event) => ({ ...event, ...own })) : valid;
    await services.store.recordEvents(events);
    return { status: 202, json: { recorded: events.length } };
  },
};
