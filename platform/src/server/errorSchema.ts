/**
 * The JSON Schema of the platform's error body (`{ error: { code, status, message, problems } }`),
 * shared by the registry's and the prediction service's OpenAPI documents. `problemProperties`
 * adds what a service's problems carry beside `path`, `expected` and `got` (a row, a field);
 * `errorProperties` adds fields of the error itself (a 413's `limit`).
 */
export function errorSchema(
  problemProperties: Record<string, unknown> = {},
  errorProperties: Record<string, unknown> = {},
): Record<string, unknown> {
  const string = { type: "string" };
  return {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "status", "message", "problems"],
        properties: {
          code: { type: "string", examples: ["ENVELOPE_INVALID"] },
          status: { type: "integer" },
          message: string,
          problems: { type: "array", items: { type: "object", required: ["path", "expected"], properties: { path: string, ...problemProperties, expected: string, got: string } } },
          ...errorProperties,
        },
      },
    },
  };
}
