import { Checks } from "../../envelope/Checks.ts";
import { validateName } from "../../envelope/validateName.ts";
import { assertNoProblems, EnvelopeError } from "../../errors/EnvelopeError.ts";
import type { Route } from "../Route.ts";

/**
 * `POST /v1/deploy-rules/{service}/deployment`: records the model version a service now runs
 * (reconcile does); a version that was never saved is a 404 naming it.
 */
export const recordDeployment: Route = {
  method: "POST",
  path: "/v1/deploy-rules/{service}/deployment",
  operationId: "recordDeployment",
  summary: "Record the model version a service now runs; 404 without a rule or for a version never saved, 403 for another team's service",
  auth: true,
  requestBody: { type: "object", required: ["name", "version"], properties: { name: { type: "string" }, version: { type: "integer", minimum: 1 } } },
  success: { status: 200, description: "the deployment", schema: { $ref: "#/components/schemas/Deployment" } },
  async handle({ params, principal, json, services }) {
    const checks = new Checks();
    validateName(checks, params["service"], "path.service");
    const body = await json();
    if (checks.record(body, "(body)")) {
      checks.onlyKeys(body, "", ["name", "version"]);
      validateName(checks, body["name"], "name");
      checks.number(body["version"], "version", { integer: true, min: 1, describe: "a version number (1, 2, ...)" });
    }
    assertNoProblems(checks.problems, "the deployment");
    const { name, version } = body as { name: string; version: number };
    if (!(await services.store.getModel(name, version))) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `model ${name}@${version} not found; a service runs a saved version`);
    return { status: 200, json: await services.store.recordDeployment(params["service"]!, { name, version }, principal.team, services.now().toISOString()) };
  },
};
