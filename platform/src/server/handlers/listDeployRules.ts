import type { Route } from "../Route.ts";

/** `GET /v1/deploy-rules`: every rule with the model its service runs. */
export const listDeployRules: Route = {
  method: "GET",
  path: "/v1/deploy-rules",
  operationId: "listDeployRules",
  summary: "List the deployment rules and the model version each service runs",
  auth: true,
  success: { status: 200, description: "the rules, by service", schema: { type: "object", properties: { rules: { type: "array", items: { $ref: "#/components/schemas/DeployRule" } } } } },
  async handle({ services }) {
    return { status: 200, json: { rules: await services.store.listRules() } };
  },
};
