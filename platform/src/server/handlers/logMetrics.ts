import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import { Checks } from "../../envelope/Checks.ts";
import { validateMetrics } from "../../metrics/validateMetric.ts";
import { modelRef } from "../modelRef.ts";
import type { Route } from "../Route.ts";

/** `POST /v1/models/{name}/versions/{version}/metrics`: logs scalars and series, each checked against its schema. */
export const logMetrics: Route = {
  method: "POST",
  path: "/v1/models/{name}/versions/{version}/metrics",
  operationId: "logMetrics",
  summary: "Log metrics (scalars and series) for a version; 403 for another team's model",
  auth: true,
  requestBody: { type: "object", properties: { metrics: { type: "array", items: { $ref: "#/components/schemas/Metric" } } }, required: ["metrics"] },
  success: { status: 201, description: "how many were logged", schema: { type: "object", properties: { logged: { type: "integer" } } } },
  async handle({ params, principal, json, services }) {
    const { name, version } = modelRef(params);
    const body = await json();
    const checks = new Checks();
    if (checks.record(body, "(body)")) checks.onlyKeys(body, "", ["metrics"]);
    assertNoProblems(checks.problems, "the request");
    const metrics = validateMetrics((body as { metrics: unknown }).metrics, "metrics");
    await services.store.logMetrics(name, version, metrics, principal.team, services.now().toISOString());
    return { status: 201, json: { logged: metrics.length } };
  },
};
