import { runLimits } from "../runs/validateRunInput.ts";

/** JSON Schemas of a batch run record, for the OpenAPI document (validateRunInput is the authority). */
const rows = { type: "integer", minimum: 0 };
const path = { type: "string", minLength: 1, maxLength: runLimits.path };

export const runInputSchema: Record<string, unknown> = {
  type: "object",
  required: ["status", "inputs", "output", "rowsIn", "rowsOut", "rowsSkipped", "durationMs", "startedAt", "drift", "error", "shard"],
  additionalProperties: false,
  properties: {
    status: { enum: ["succeeded", "failed"] },
    inputs: { type: "array", maxItems: runLimits.inputs, items: path, description: "the input files read (or the globs given)" },
    output: { ...path, description: "the output folder" },
    rowsIn: rows,
    rowsOut: rows,
    rowsSkipped: rows,
    durationMs: { type: "number", minimum: 0 },
    startedAt: { type: "string", format: "date-time" },
    drift: { type: "object", maxProperties: runLimits.driftFields, additionalProperties: rows, description: "rows with a value outside the training range, per field" },
    error: {
      oneOf: [{ type: "null" }, { type: "object", required: ["code", "message"], properties: { code: { type: "string", maxLength: runLimits.errorCode }, message: { type: "string", maxLength: runLimits.errorMessage } } }],
      description: "why a failed run failed; null for a succeeded one",
    },
    shard: { type: ["string", "null"], pattern: "^\\d+/\\d+$", description: "i/N for one shard of N" },
  },
};

export const batchRunSchema: Record<string, unknown> = {
  allOf: [
    { ...runInputSchema, additionalProperties: true },
    { type: "object", properties: { id: { type: "integer" }, name: { type: "string" }, version: { type: "integer" }, user: { type: "string" }, team: { type: "string" }, recordedAt: { type: "string", format: "date-time" } } },
  ],
};
