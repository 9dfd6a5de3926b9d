import { readQueryParams } from "../readQueryParams.ts";
import type { Route } from "../Route.ts";
import { tagQueryParameter } from "./versionSchemas.ts";

const names = { type: "array", items: { type: "string" } };

/** `GET /v1/dashboard/metric-names?query=Q`: the scalar and series metric names logged on the versions a tag query matches, sorted. */
export const dashboardMetricNames: Route = {
  method: "GET",
  path: "/v1/dashboard/metric-names",
  operationId: "dashboardMetricNames",
  summary: "Scalar and series metric names logged on the versions matching a tag query",
  auth: true,
  query: [tagQueryParameter],
  success: { status: 200, description: "the names, each list sorted", schema: { type: "object", properties: { scalar: names, series: names } } },
  async handle({ query, services }) {
    const params = readQueryParams(query, ["query"]);
    const tags = params.tags();
    params.done();
    return { status: 200, json: await services.store.metricNames({ tags }) };
  },
};
