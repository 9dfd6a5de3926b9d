import { createTransport } from "../client/createTransport.ts";
import type { UsageQuery, UsageSummary } from "./UsageSummary.ts";

/**
 * Asks a registry for its usage summary (`GET /v1/usage/summary`): the registry counts in its
 * database and sends a few rows, however many events it holds. `team` is honoured for admin
 * tokens; a team's token gets its own team's.
 */
export async function fetchUsageSummary(connection: { url: string; token: string; fetch?: typeof fetch }, query: UsageQuery): Promise<UsageSummary> {
  const params = new URLSearchParams({ since: query.since, top: String(query.top) });
  if (query.fn !== undefined) params.set("fn", query.fn);
  if (query.team !== undefined) params.set("team", query.team);
  return createTransport(connection)<UsageSummary>("GET", "/v1/usage/summary", { query: params });
}
