import { openApiSchemas } from "./openApiSchemas.ts";
import type { Route } from "./Route.ts";

const errorResponses: Record<string, string> = {
  "400": "malformed JSON, or a body that is not UTF-8 (the message names the byte); for the dashboard's routes, a query parameter that is missing or wrong (each problem names it)",
  "401": "no or unknown bearer token",
  "403": "another team's model",
  "404": "no such model, version or route",
  "413": "body over a limit: its size (limit), nesting deeper than 512 levels (maxDepth), an object of more than 10,000 members outside a JSON artifact (maxMembers)",
  "422": "invalid input: each problem listed with its path and expectation, at most 100 (problemsTruncated when there were more)",
};

/** The OpenAPI 3.1 document of the routes, served at `/v1/openapi.json`. */
export function buildOpenApi(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
    const queryParams = (route.query ?? []).map((param) => ({ name: param.name, in: "query", required: false, description: param.description, schema: param.schema }));
    const errors = Object.fromEntries(Object.entries(errorResponses).filter(([status]) => route.auth || !["401", "403"].includes(status)).map(([status, description]) => [status, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]));
    const success = route.success;
    const content = success.contentType ? { [success.contentType]: { schema: { type: "string", format: "binary" } } } : { "application/json": { schema: success.schema ?? {} } };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.auth ? {} : { security: [] }),
      parameters: [...pathParams, ...queryParams],
      ...(route.requestBody ? { requestBody: { required: true, content: { "application/json": { schema: route.requestBody } } } } : {}),
      responses: { [String(success.status)]: { description: success.description, content }, ...errors },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Model Envelope registry", version, description: "Save models in envelopes, find them by tags, log metrics, record usage." },
    security: [{ bearer: [] }],
    paths,
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: openApiSchemas },
  };
}
