import { validateEnvelope } from "../../envelope/validateEnvelope.ts";
import { baseTags } from "../../tags/baseTags.ts";
import { modelRef } from "../modelRef.ts";
import type { Route } from "../Route.ts";

/**
 * `POST /v1/models/{name}`: saves a new version. The artifact is written (atomically, by hash)
 * before the version's row is committed, so a version is never visible without its bytes.
 */
export const saveModel: Route = {
  method: "POST",
  path: "/v1/models/{name}",
  operationId: "saveModel",
  summary: "Save a new version of a model (v1, v2, ...); 403 when another team owns the name",
  auth: true,
  requestBody: { $ref: "#/components/schemas/EnvelopeInput" },
  success: { status: 201, description: "the saved version", schema: { $ref: "#/components/schemas/ModelSummary" } },
  async handle({ params, principal, json, services }) {
    const { name } = modelRef(params);
    const envelope = validateEnvelope(await json());
    const artifact = envelope.function.artifact;
    const bytes = artifact.encoding === "json" ? Buffer.from(JSON.stringify(artifact.data)) : Buffer.from(artifact.data, "base64");
    const mediaType = artifact.encoding === "json" ? "application/json" : (artifact.mediaType ?? "application/octet-stream");
    const stored = await services.artifacts.put(bytes, mediaType);
    const description = envelope.description ?? "";
    const saved = await services.store.saveModel({
      name,
      owner: principal.user,
      team: principal.team,
      description,
      createdAt: services.now().toISOString(),
      tags: { ...envelope.tags, ...baseTags({ name, description, owner: principal.user, team: principal.team }) },
      shape: envelope.function.shape,
      context: envelope.context,
      features: envelope.data.features,
      metrics: envelope.data.metrics,
      artifact: stored,
    });
    const { id: _id, ...summary } = saved;
    return { status: 201, json: summary };
  },
};
