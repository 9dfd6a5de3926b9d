/** The OpenAPI schema of a token as the registry lists it (never the token, never its hash). */
export const tokenInfoSchema = {
  type: "object",
  properties: {
    id: { type: "integer" },
    user: { type: "string" },
    team: { type: "string" },
    admin: { type: "boolean" },
    createdAt: { type: "string", format: "date-time" },
    lastUsedAt: { type: ["string", "null"], format: "date-time", description: "to the minute" },
  },
};
