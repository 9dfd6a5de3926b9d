import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { modelRef } from "../modelRef.ts";
import type { Route } from "../Route.ts";

/** `GET /v1/models/{name}/versions/{version}`: one version's envelope (`latest` for the newest). */
export const getModel: Route = {
  method: "GET",
  path: "/v1/models/{name}/versions/{version}",
  operationId: "getModel",
  summary: "Get a model version's envelope; version is a number or latest",
  auth: true,
  success: { status: 200, description: "the envelope", schema: { $ref: "#/components/schemas/SavedEnvelope" } },
  async handle({ params, services }) {
    const { name, version } = modelRef(params);
    const envelope = await services.store.getModel(name, version);
    if (!envelope) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `model ${name} version ${version} not found`);
    return { status: 200, json: envelope };
  },
};
