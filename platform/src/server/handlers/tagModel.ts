import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import { Checks } from "../../envelope/Checks.ts";
import { validateTags } from "../../tags/validateTags.ts";
import { modelRef } from "../modelRef.ts";
import type { Route } from "../Route.ts";

/** `POST /v1/models/{name}/versions/{version}/tags`: adds or changes user tags of the caller's team's model. */
export const tagModel: Route = {
  method: "POST",
  path: "/v1/models/{name}/versions/{version}/tags",
  operationId: "tagModel",
  summary: "Add or change a version's own tags; 403 for another team's model",
  auth: true,
  requestBody: { type: "object", properties: { tags: { $ref: "#/components/schemas/Tags" } }, required: ["tags"] },
  success: { status: 200, description: "the version with its tags", schema: { $ref: "#/components/schemas/ModelSummary" } },
  async handle({ params, principal, json, services }) {
    const { name, version } = modelRef(params);
    const body = await json();
    const checks = new Checks();
    if (checks.record(body, "(body)")) {
      checks.onlyKeys(body, "", ["tags"]);
      validateTags(checks, body["tags"], "tags");
    }
    assertNoProblems(checks.problems, "the tags");
    const { id: _id, ...summary } = await services.store.addTags(name, version, (body as { tags: Record<string, string> }).tags, principal.team);
    return { status: 200, json: summary };
  },
};
