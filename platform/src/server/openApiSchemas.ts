import { errorSchema } from "./errorSchema.ts";

/** JSON Schemas of the API's bodies, for the OpenAPI document (the validators are the authority). */
const string = { type: "string" };
const count = { type: "integer", minimum: 0 };

export const openApiSchemas: Record<string, Record<string, unknown>> = {
  Error: errorSchema({}, {
    limit: { type: "integer", description: "413 for a body over the size limit: the limit in bytes" },
    maxDepth: { type: "integer", description: "413 for JSON nested too deep: the limit in levels (512)" },
    maxMembers: { type: "integer", description: "413 for an object too wide: the limit in members (10,000)" },
    problemsTruncated: { type: "boolean", description: "422: more problems were found than the 100 listed" },
  }),
  Tags: { type: "object", additionalProperties: { type: "string", maxLength: 256 }, description: "user tags; name, description, owner and team are set by the platform" },
  Field: { type: "object", required: ["name", "type", "nullable"], properties: { name: string, type: { enum: ["number", "integer", "string", "boolean"] }, nullable: { type: "boolean" } } },
  Shape: { type: "object", required: ["inputs", "outputs"], properties: { inputs: { type: "array", items: { $ref: "#/components/schemas/Field" } }, outputs: { type: "array", items: { $ref: "#/components/schemas/Field" } } } },
  FeatureSummary: {
    oneOf: [
      { type: "object", properties: { type: { enum: ["number", "integer"] }, count, nulls: count, min: { type: ["number", "null"] }, max: { type: ["number", "null"] }, mean: { type: ["number", "null"] } } },
      { type: "object", properties: { type: { const: "string" }, count, nulls: count, distinct: count } },
      { type: "object", properties: { type: { const: "boolean" }, count, nulls: count, trues: count } },
    ],
  },
  Metric: {
    oneOf: [
      { type: "object", required: ["name", "kind", "value"], properties: { name: string, kind: { const: "scalar" }, value: { type: "number" }, step: count } },
      { type: "object", required: ["name", "kind", "points"], properties: { name: string, kind: { const: "series" }, points: { type: "array", items: { type: "object", properties: { x: { type: "number" }, y: { type: "number" } } } }, x: string, y: string } },
    ],
    description: "known names are range-checked: auc, accuracy, precision, recall, f1 in [0, 1]; roc points in [0, 1] with x never decreasing",
  },
  Context: {
    type: "object",
    required: ["node", "packages"],
    properties: { node: string, packages: { type: "object", additionalProperties: string }, code: { type: "object", properties: { entry: string, format: { const: "esm" }, code: string, sha256: string } } },
  },
  EnvelopeInput: {
    type: "object",
    required: ["function", "context", "data", "tags"],
    properties: {
      description: string,
      function: {
        type: "object",
        required: ["artifact", "shape"],
        properties: {
          artifact: { oneOf: [{ type: "object", properties: { encoding: { const: "json" }, data: {} } }, { type: "object", properties: { encoding: { const: "base64" }, data: string, mediaType: string } }] },
          shape: { $ref: "#/components/schemas/Shape" },
        },
      },
      context: { $ref: "#/components/schemas/Context" },
      data: { type: "object", properties: { features: { type: "object", additionalProperties: { $ref: "#/components/schemas/FeatureSummary" } }, metrics: { type: "array", items: { $ref: "#/components/schemas/Metric" } } } },
      tags: { $ref: "#/components/schemas/Tags" },
    },
  },
  ModelSummary: {
    type: "object",
    properties: { name: string, version: { type: "integer" }, owner: string, team: string, description: string, createdAt: { type: "string", format: "date-time" }, tags: { type: "object", additionalProperties: string } },
  },
  SavedEnvelope: {
    allOf: [
      { $ref: "#/components/schemas/ModelSummary" },
      {
        type: "object",
        properties: {
          function: { type: "object", properties: { artifact: { type: "object", properties: { mediaType: string, size: count, sha256: string } }, shape: { $ref: "#/components/schemas/Shape" } } },
          context: { $ref: "#/components/schemas/Context" },
          data: { type: "object" },
        },
      },
    ],
  },
  UsageEvent: {
    type: "object",
    required: ["at", "fn", "success", "durationMs", "clientVersion"],
    properties: { at: string, fn: string, args: {}, success: { type: "boolean" }, errorClass: { type: ["string", "null"] }, errorCode: { type: ["string", "null"] }, errorMessage: { type: ["string", "null"] }, durationMs: { type: "number" }, user: { type: ["string", "null"] }, team: { type: ["string", "null"] }, clientVersion: string, model: { type: ["string", "null"] } },
  },
  DeployRuleInput: {
    type: "object",
    required: ["service", "tags"],
    properties: { service: string, tags: { type: "object", additionalProperties: string, description: "every tag must match; base tags (name, team, ...) included" }, port: { type: ["integer", "null"], minimum: 1, maximum: 65535 } },
  },
  Deployment: { type: "object", required: ["name", "version", "deployedAt"], properties: { name: string, version: { type: "integer" }, deployedAt: { type: "string", format: "date-time" } } },
  DeployRule: {
    type: "object",
    properties: { service: string, tags: { type: "object", additionalProperties: string }, port: { type: ["integer", "null"] }, team: string, createdBy: string, createdAt: { type: "string", format: "date-time" }, running: { oneOf: [{ $ref: "#/components/schemas/Deployment" }, { type: "null" }] } },
  },
};
