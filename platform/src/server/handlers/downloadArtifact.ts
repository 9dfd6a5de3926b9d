import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { modelRef } from "../modelRef.ts";
import type { Route } from "../Route.ts";

/** `GET /v1/models/{name}/versions/{version}/artifact`: the artifact's bytes, with its media type. */
export const downloadArtifact: Route = {
  method: "GET",
  path: "/v1/models/{name}/versions/{version}/artifact",
  operationId: "downloadArtifact",
  summary: "Download a version's artifact",
  auth: true,
  success: { status: 200, description: "the artifact's bytes", contentType: "application/octet-stream" },
  async handle({ params, services }) {
    const { name, version } = modelRef(params);
    const envelope = await services.store.getModel(name, version);
    if (!envelope) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `model ${name} version ${version} not found`);
    const { sha256, mediaType } = envelope.function.artifact;
    const bytes = await services.artifacts.get(sha256);
    if (!bytes) throw new EnvelopeError("ENVELOPE_STORE", `artifact ${sha256} of ${name} v${envelope.version} is missing from the artifact folder`);
    return { status: 200, bytes, contentType: mediaType };
  },
};
