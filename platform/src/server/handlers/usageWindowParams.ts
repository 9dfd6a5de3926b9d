import { teamScope } from "../../auth/teamScope.ts";
import type { UsageWindow } from "../../store/DashboardStore.ts";
import type { Principal } from "../../store/Store.ts";
import type { QueryParams } from "../readQueryParams.ts";

/** A usage view's window when `since` is not given: the last 28 days. */
export const defaultUsageDays = 28;

/** The `since`, `team` and `fn` parameters of the usage views, for OpenAPI. */
export const usageWindowParameters = {
  since: { name: "since", description: `ISO time, the window's start; default: ${defaultUsageDays} days ago`, schema: { type: "string", format: "date-time" } },
  team: { name: "team", description: "only this team's calls (admins; a team's token sees its own team anyway)", schema: { type: "string" } },
  fn: { name: "fn", description: "only this client function's calls", schema: { type: "string" } },
};

/**
 * The window of a usage view: `since` (default 28 days before now), the caller's team (an
 * admin's: every team, or the `team` asked), and `fn` when the route takes it. Call before
 * `params.done()`; the team is checked after (403 for another team's, from `teamScope`).
 */
export function usageWindowParams(params: QueryParams, now: Date, withFn: boolean): (principal: Principal) => UsageWindow {
  const since = params.since(now, defaultUsageDays);
  const team = params.name("team");
  const fn = withFn ? params.name("fn") : undefined;
  return (principal) => {
    const scoped = teamScope(principal, team);
    return { since, ...(scoped === undefined ? {} : { team: scoped }), ...(fn === undefined ? {} : { fn }) };
  };
}
