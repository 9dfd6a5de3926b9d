import { parseTagQuery } from "../../tags/parseTagQuery.ts";
import type { Route } from "../Route.ts";

/** `GET /v1/models?tag=k=v&latest=true&limit=n`: versions matching every tag, newest first. */
export const findModels: Route = {
  method: "GET",
  path: "/v1/models",
  operationId: "findModels",
  summary: "Find model versions by tags: every tag must match; newest first",
  auth: true,
  query: [
    { name: "tag", description: "key=value; repeat for more tags (all must match)", schema: { type: "array", items: { type: "string" } } },
    { name: "latest", description: "only each name's last version", schema: { type: "boolean" } },
    { name: "limit", description: "at most this many (1-500, default 50)", schema: { type: "integer", minimum: 1, maximum: 500 } },
  ],
  success: { status: 200, description: "matching versions", schema: { type: "object", properties: { models: { type: "array", items: { $ref: "#/components/schemas/ModelSummary" } } } } },
  async handle({ query, services }) {
    return { status: 200, json: { models: await services.store.findModels(parseTagQuery(query)) } };
  },
};
