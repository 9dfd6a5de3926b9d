import { teamScope } from "../../auth/teamScope.ts";
import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import { Checks } from "../../envelope/Checks.ts";
import { decodeEventCursor } from "../../store/eventCursor.ts";
import type { Route } from "../Route.ts";

/** The page size when `limit` is not given, and the largest one may ask for. */
export const eventPage = { default: 1000, max: 10_000 };

/**
 * `GET /v1/events?since=ISO&limit=N&after=CURSOR&team=T`: usage events, oldest first, a page at
 * a time; the caller's team's, or every team's (or team T's) for an admin. `next` is the cursor
 * of the following page (null on the last), to pass as `after`. For totals,
 * `GET /v1/usage/summary` counts in the database instead.
 */
export const readEvents: Route = {
  method: "GET",
  path: "/v1/events",
  operationId: "readEvents",
  summary: "Read usage events since a time, a page at a time (own team; admins: all teams or one)",
  auth: true,
  query: [
    { name: "since", description: "ISO time; default: all", schema: { type: "string", format: "date-time" } },
    { name: "limit", description: `events per page, 1 to ${eventPage.max}; default ${eventPage.default}`, schema: { type: "integer", minimum: 1, maximum: eventPage.max } },
    { name: "after", description: "the `next` of the page before", schema: { type: "string" } },
    { name: "team", description: "only this team's events (admins; a team's token reads its own team anyway)", schema: { type: "string" } },
  ],
  success: {
    status: 200,
    description: "a page of events, oldest first, and the cursor of the next page",
    schema: { type: "object", properties: { events: { type: "array", items: { $ref: "#/components/schemas/UsageEvent" } }, next: { type: ["string", "null"] } } },
  },
  async handle({ query, principal, services }) {
    const checks = new Checks();
    const since = query.get("since") ?? "1970-01-01T00:00:00.000Z";
    if (Number.isNaN(Date.parse(since))) checks.fail("query.since", "an ISO time like 2025-01-31T00:00:00Z", since);
    const limitText = query.get("limit");
    const limit = limitText === null ? eventPage.default : /^\d{1,6}$/.test(limitText) ? Number(limitText) : 0;
    if (limit < 1 || limit > eventPage.max) checks.fail("query.limit", `a whole number from 1 to ${eventPage.max}`, limitText);
    const after = query.get("after") ?? undefined;
    if (after !== undefined && !decodeEventCursor(after)) checks.fail("query.after", "the `next` of an earlier page", after);
    assertNoProblems(checks.problems, "the query");
    const team = teamScope(principal, query.get("team") ?? undefined);
    const page = await services.store.readEvents({ since: new Date(since).toISOString(), limit, ...(team === undefined ? {} : { team }), ...(after === undefined ? {} : { after }) });
    return { status: 200, json: page };
  },
};
