import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { modelRef } from "../modelRef.ts";
import type { Route } from "../Route.ts";

/** `GET /v1/models/{name}/versions/{version}/metrics`: every metric, saved and logged, in order. */
export const readMetrics: Route = {
  method: "GET",
  path: "/v1/models/{name}/versions/{version}/metrics",
  operationId: "readMetrics",
  summary: "Read a version's metrics, in the order they were logged",
  auth: true,
  success: { status: 200, description: "the metrics", schema: { type: "object", properties: { metrics: { type: "array", items: { $ref: "#/components/schemas/Metric" } } } } },
  async handle({ params, services }) {
    const { name, version } = modelRef(params);
    const metrics = await services.store.readMetrics(name, version);
    if (!metrics) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `model ${name} version ${version} not found`);
    return { status: 200, json: { metrics } };
  },
};
