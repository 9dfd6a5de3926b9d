import { readQueryParams } from "../readQueryParams.ts";
import type { Route } from "../Route.ts";
import { tagQueryParameter, versionRowSchema } from "./versionSchemas.ts";

/** The newest versions a series request may ask for: `last` when not given, and at most. */
export const seriesLast = { default: 5, max: 50 };

const points = { type: "array", items: { type: "object", properties: { x: { type: "number" }, y: { type: "number" } } } };

/**
 * `GET /v1/dashboard/series?query=Q&metric=M&last=N`: the series metric M (its latest logged
 * curve) of the N newest versions matching Q that logged it, newest first, points as logged.
 */
export const dashboardSeries: Route = {
  method: "GET",
  path: "/v1/dashboard/series",
  operationId: "dashboardSeries",
  summary: "A series metric (e.g. roc) of the newest versions matching a tag query, newest first",
  auth: true,
  query: [
    tagQueryParameter,
    { name: "metric", description: "the series metric's name", schema: { type: "string" } },
    { name: "last", description: `how many of the newest versions, 1 to ${seriesLast.max}; default ${seriesLast.default}`, schema: { type: "integer", minimum: 1, maximum: seriesLast.max } },
  ],
  success: { status: 200, description: "the versions, newest first, with their points", schema: { type: "object", properties: { versions: { type: "array", items: versionRowSchema({ points }) } } } },
  async handle({ query, services }) {
    const params = readQueryParams(query, ["query", "metric", "last"]);
    const tags = params.tags();
    const metrics = params.names("metric");
    const last = params.count("last", seriesLast.default, seriesLast.max);
    if (metrics.length !== 1) params.fail("metric", "one series metric name (metric=roc)", `${metrics.length} names`);
    params.done();
    return { status: 200, json: { versions: await services.store.versionSeries({ tags, metric: metrics[0]!, last }) } };
  },
};
