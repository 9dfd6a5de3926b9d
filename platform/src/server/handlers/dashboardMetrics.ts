import { readQueryParams } from "../readQueryParams.ts";
import type { Route } from "../Route.ts";
import { pageParameters, pageSchema, tagQueryParameter, versionRowSchema } from "./versionSchemas.ts";

/** How many metrics one request may ask for. */
export const maxAskedMetrics = 10;

/**
 * `GET /v1/dashboard/metrics?query=Q&metric=M[&metric=M2]&limit=N&cursor=C`: one row per version
 * matching Q that logged every asked metric as a scalar, with the latest logged value of each,
 * ordered by createdAt, name and version, a page at a time.
 */
export const dashboardMetrics: Route = {
  method: "GET",
  path: "/v1/dashboard/metrics",
  operationId: "dashboardMetrics",
  summary: "The latest value of scalar metrics of every version matching a tag query, oldest first, a page at a time",
  auth: true,
  query: [tagQueryParameter, { name: "metric", description: `a scalar metric's name; repeat for more (1 to ${maxAskedMetrics}); only versions that logged all of them`, schema: { type: "array", items: { type: "string" } } }, ...pageParameters],
  success: { status: 200, description: "a page of versions and the cursor of the next", schema: pageSchema("versions", versionRowSchema({ metrics: { type: "object", additionalProperties: { type: "number" } } })) },
  async handle({ query, services }) {
    const params = readQueryParams(query, ["query", "metric", "limit", "cursor"]);
    const tags = params.tags();
    const metrics = [...new Set(params.names("metric"))];
    const limit = params.limit();
    const after = params.cursor("versions", ["string", "number"]);
    if (metrics.length === 0 || metrics.length > maxAskedMetrics) params.fail("metric", `1 to ${maxAskedMetrics} scalar metric names (metric=auc&metric=loss)`, `${metrics.length} names`);
    params.done();
    return { status: 200, json: await services.store.versionMetrics({ tags, metrics, limit, ...(after === undefined ? {} : { after }) }) };
  },
};
