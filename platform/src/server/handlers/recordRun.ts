import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { runLimits, validateRunInput } from "../../runs/validateRunInput.ts";
import { modelRef } from "../modelRef.ts";
import type { Route } from "../Route.ts";
import { batchRunSchema, runInputSchema } from "../runSchemas.ts";

/**
 * `POST /v1/models/{name}/versions/{version}/runs`: records a batch run of a saved version (or the
 * latest); who ran it is the token's user and team, never the body's. A body over 1 MiB or a field
 * over its limit is a 413 naming it.
 */
export const recordRun: Route = {
  method: "POST",
  path: "/v1/models/{name}/versions/{version}/runs",
  operationId: "recordRun",
  summary: "Record a batch run of a version (status, inputs, output, rows, duration, drift counts, error); user and team are the token's",
  auth: true,
  maxBodyBytes: runLimits.bodyBytes,
  requestBody: runInputSchema,
  success: { status: 201, description: "the run as recorded", schema: batchRunSchema },
  async handle({ params, principal, json, services }) {
    const ref = modelRef(params);
    const run = validateRunInput(await json());
    const version = ref.version === "latest" ? (await services.store.getModel(ref.name, "latest"))?.version : ref.version;
    if (version === undefined) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `model ${ref.name} not found; a run is recorded for a saved version`);
    return { status: 201, json: await services.store.recordRun(ref.name, version, run, principal, services.now().toISOString()) };
  },
};
