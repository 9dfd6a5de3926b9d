import { teamScope } from "../../auth/teamScope.ts";
import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import { Checks } from "../../envelope/Checks.ts";
import type { Route } from "../Route.ts";

const usageReportSchema = {
  type: "object",
  properties: {
    since: { type: "string", format: "date-time" },
    newUsers: { type: "array", items: { type: "object", properties: { user: { type: "string" }, team: { type: ["string", "null"] }, firstSeen: { type: "string", format: "date-time" } } } },
    functions: { type: "array", items: { type: "object", properties: { fn: { type: "string" }, calls: { type: "integer" }, failures: { type: "integer" }, failureRate: { type: "number" } } } },
    topErrors: { type: "array", items: { type: "object", properties: { error: { type: "string" }, message: { type: "string" }, count: { type: "integer" }, users: { type: "integer" } } } },
  },
};

/**
 * `GET /v1/usage/summary?since=ISO&fn=NAME&team=TEAM&top=N`: what `envelope usage` prints,
 * counted by the database: users whose first call is at or after `since`, calls and failures per
 * function and the `top` errors since then. A team's token sees its team; an admin's every team,
 * or one with `team`. The first of the `/v1/usage/...` reads.
 */
export const usageSummary: Route = {
  method: "GET",
  path: "/v1/usage/summary",
  operationId: "usageSummary",
  summary: "New users, calls and failure rate per function, top errors since a time (own team; admins: all teams or one)",
  auth: true,
  query: [
    { name: "since", description: "ISO time, the window's start; default: 7 days ago", schema: { type: "string", format: "date-time" } },
    { name: "fn", description: "only this client function's calls", schema: { type: "string" } },
    { name: "team", description: "only this team's calls (admins; a team's token sees its own team anyway)", schema: { type: "string" } },
    { name: "top", description: "how many top errors, 1 to 100; default 5", schema: { type: "integer", minimum: 1, maximum: 100 } },
  ],
  success: { status: 200, description: "the summary", schema: usageReportSchema },
  async handle({ query, principal, services }) {
    const checks = new Checks();
    const since = query.get("since") ?? new Date(services.now().getTime() - 7 * 86_400_000).toISOString();
    if (Number.isNaN(Date.parse(since))) checks.fail("query.since", "an ISO time like 2025-01-31T00:00:00Z", since);
    const topText = query.get("top") ?? "5";
    const top = /^\d{1,3}$/.test(topText) ? Number(topText) : 0;
    if (top < 1 || top > 100) checks.fail("query.top", "a whole number from 1 to 100", topText);
    const fn = query.get("fn") ?? undefined;
    if (fn !== undefined) checks.string(fn, "query.fn", { pattern: /^[A-Za-z][\w.]{0,63}$/, describe: "a function name" });
    assertNoProblems(checks.problems, "the query");
    const team = teamScope(principal, query.get("team") ?? undefined);
    const summary = await services.store.usageSummary({ since: new Date(since).toISOString(), top, ...(fn === undefined ? {} : { fn }), ...(team === undefined ? {} : { team }) });
    return { status: 200, json: summary };
  },
};
