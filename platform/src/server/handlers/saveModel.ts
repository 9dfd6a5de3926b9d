import { validateEnvelope } from "../../envelope/validateEnvelope.ts";
import { baseTags } from "../../tags/baseTags.ts";
import { modelRef } from "../modelRef.ts";
import { RawJson } from "../RawJson.ts";
import type { Route } from "../Route.ts";

const artifactData = ["function", "artifact", "data"] as const;

/** the artifact's data as the validator sees it: a base64 text is read as the string it is */
function readableData(body: unknown): unknown {
  const artifact = (body as { function?: { artifact?: { encoding?: unknown; data?: unknown } } } | null)?.function?.artifact;
  if (artifact && artifact.encoding !== "json" && artifact.data instanceof RawJson) artifact.data = artifact.data.parse();
  return body;
}

/**
 * `POST /v1/models/{name}`: saves a new version. A JSON artifact is stored as the bytes it was
 * sent as (never parsed and re-serialized, so nothing in it is rounded or replaced); a base64 one
 * as the bytes it decodes to. The artifact is written (atomically, by hash) before the version's
 * row is committed, so a version is never visible without its bytes.
 */
export const saveModel: Route = {
  method: "POST",
  path: "/v1/models/{name}",
  operationId: "saveModel",
  summary: "Save a new version of a model (v1, v2, ...); 403 when another team owns the name",
  auth: true,
  requestBody: { $ref: "#/components/schemas/EnvelopeInput" },
  rawJson: [artifactData],
  success: { status: 201, description: "the saved version", schema: { $ref: "#/components/schemas/ModelSummary" } },
  async handle({ params, principal, json, services }) {
    const { name } = modelRef(params);
    const envelope = validateEnvelope(readableData(await json()));
    const artifact = envelope.function.artifact;
    const data: unknown = artifact.data;
    const bytes = artifact.encoding === "base64" ? Buffer.from(artifact.data, "base64") : data instanceof RawJson ? data.bytes : Buffer.from(JSON.stringify(data));
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
