/** OpenAPI fragments of the dashboard's version rows: a version's name, number, time and tags, with more properties. */
export function versionRowSchema(properties: Record<string, unknown>): Record<string, unknown> {
  return {
    type: "object",
    properties: { name: { type: "string" }, version: { type: "integer" }, createdAt: { type: "string", format: "date-time" }, tags: { type: "object", additionalProperties: { type: "string" } }, ...properties },
  };
}

/** The `query` parameter of the dashboard's metric routes. */
export const tagQueryParameter = { name: "query", description: "a tag query, key=value,key=value (every tag must match); empty: every version", schema: { type: "string" } };

/** `limit` and `cursor` of a paged list. */
export const pageParameters = [
  { name: "limit", description: "rows per page, 1 to 1000; default 100", schema: { type: "integer", minimum: 1, maximum: 1000 } },
  { name: "cursor", description: "the `next` of the page before", schema: { type: "string" } },
];

/** A paged list's answer: `key`'s rows and the cursor of the next page (null on the last). */
export function pageSchema(key: string, row: Record<string, unknown>): Record<string, unknown> {
  return { type: "object", properties: { [key]: { type: "array", items: row }, next: { type: ["string", "null"] } } };
}
