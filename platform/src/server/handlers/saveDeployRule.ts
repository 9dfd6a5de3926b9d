import { validateDeployRule } from "../../deploy/validateDeployRule.ts";
import type { Route } from "../Route.ts";

/** `POST /v1/deploy-rules`: adds a rule (service, tags to match, port), or replaces the caller's team's rule for that service. */
export const saveDeployRule: Route = {
  method: "POST",
  path: "/v1/deploy-rules",
  operationId: "saveDeployRule",
  summary: "Add or replace a deployment rule: the service runs the newest model with every tag; 403 for another team's service",
  auth: true,
  requestBody: { $ref: "#/components/schemas/DeployRuleInput" },
  success: { status: 201, description: "the rule", schema: { $ref: "#/components/schemas/DeployRule" } },
  async handle({ principal, json, services }) {
    const rule = validateDeployRule(await json());
    return { status: 201, json: await services.store.saveRule(rule, principal, services.now().toISOString()) };
  },
};
