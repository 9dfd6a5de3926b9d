import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
}, 60_000);
afterAll(() => registry.close());

async function call(method: "GET" | "POST", target: string, body?: unknown, token = registry.tokens.admin) {
  const response = await fetch(`${registry.url}${target}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { message: string; problems: Array<{ path: string }> } } };
}

test("POST /v1/tokens answers the token once with its id; GET /v1/tokens lists it without it", async () => {
  const created = await call("POST", "/v1/tokens", { user: "lin", team: "churn", admin: true });
  expect(created.status).toBe(201);
  expect(created.body).toEqual({ token: expect.stringMatching(/^env_/), id: 4, user: "lin", team: "churn", admin: true, createdAt: expect.any(String), lastUsedAt: null });
  const listed = await call("GET", "/v1/tokens", undefined, created.body["token"] as string);
  expect((listed.body["tokens"] as Array<{ user: string }>).map((token) => token.user)).toEqual(["ada", "grace", "root", "lin"]);
  expect(JSON.stringify(listed.body)).not.toContain(created.body["token"] as string);
});

test.each([
  // a name the store refuses, a field it does not know, a flag that is not a boolean
  [{ user: "bad name", team: "churn" }, "user"],
  [{ user: "lin", team: "churn", role: "admin" }, "role"],
  [{ user: "lin", team: "churn", admin: "yes" }, "admin"],
])("POST /v1/tokens %j is a 422 naming %s", async (body, path) => {
  const refused = await call("POST", "/v1/tokens", body);
  expect(refused.status).toBe(422);
  expect(refused.body.error?.problems.map((problem) => problem.path)).toContain(path);
});

test.each([
  [{}, "(body)"],
  [{ id: 1, token: "env_x" }, "(body)"],
  [{ id: "one" }, "id"],
  [{ token: "not-a-token" }, "token"],
])("POST /v1/tokens/revoke %j is a 422 naming %s", async (body, path) => {
  const refused = await call("POST", "/v1/tokens/revoke", body);
  expect(refused.status).toBe(422);
  expect(refused.body.error?.problems.map((problem) => problem.path)).toContain(path);
});

test("POST /v1/tokens/revoke of an unknown id is a 404; a token's body revokes it at once", async () => {
  expect((await call("POST", "/v1/tokens/revoke", { id: 999 })).status).toBe(404);
  expect((await call("GET", "/v1/whoami", undefined, registry.tokens.grace)).status).toBe(200);
  const revoked = await call("POST", "/v1/tokens/revoke", { token: registry.tokens.grace });
  expect(revoked.body["revoked"]).toMatchObject({ user: "grace", team: "fraud" });
  expect((await call("GET", "/v1/whoami", undefined, registry.tokens.grace)).status).toBe(401);
});
