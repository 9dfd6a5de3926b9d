import { expect, test } from "vitest";
import { buildServiceOpenApi } from "../../src/serving/buildServiceOpenApi.ts";
import { servableEnvelope } from "../support/servableEnvelope.ts";

const document = buildServiceOpenApi(servableEnvelope(), 500) as any;

test("request and response schemas carry the shape's field names and types", () => {
  expect(document.components.schemas.Row).toEqual({
    type: "object",
    description: "one input row",
    properties: { x: { type: "number" }, plan: { type: "string" }, visits: { type: ["integer", "null"] } },
    required: ["x", "plan"],
    additionalProperties: false,
  });
  expect(document.components.schemas.Prediction).toEqual({ type: "object", description: "one prediction", properties: { y: { type: "number" } }, required: ["y"], additionalProperties: false });
  expect(document.components.schemas.PredictRequest.properties.rows).toEqual({ type: "array", minItems: 1, maxItems: 500, items: { $ref: "#/components/schemas/Row" } });
  expect(document.components.schemas.PredictResponse.properties.version).toEqual({ type: "integer", const: 3 });
});

test("documents the four endpoints and the answers of /predict", () => {
  expect(document.openapi).toBe("3.1.0");
  expect(document.info.title).toBe("linear prediction service");
  expect(Object.keys(document.paths)).toEqual(["/predict", "/openapi.json", "/healthz", "/metrics"]);
  expect(Object.keys(document.paths["/predict"].post.responses)).toEqual(["200", "400", "413", "422", "500", "504"]);
  expect(document.paths["/predict"].post.responses["200"].headers["x-envelope-drift"]).toBeDefined();
});

test("every $ref resolves", () => {
  const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(([, name]) => name!);
  expect(refs.length).toBeGreaterThan(0);
  for (const name of refs) expect(document.components.schemas[name], name).toBeDefined();
});
