import { afterAll, beforeAll, expect, test } from "vitest";
import type { UsageEvent } from "../../../src/tracking/UsageEvent.ts";
import { callRegistry } from "../../support/callRegistry.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";
import { walkPages } from "../../support/walkPages.ts";

// the usage routes of the dashboard (new-users, functions, errors, users, users/{user}) over a
// known history, with the registry's clock on 2030-01-25: the default window starts 28 days
// before, on 2029-12-28. grace (fraud) called once before it; 2030-01-01 is a Tuesday
let registry: TestRegistry;
const event = (day: string, user: string, team: string, fn: string, error?: string): UsageEvent => ({
  at: `${day}T12:00:00.000Z`,
  fn,
  args: [],
  success: !error,
  errorClass: error ? "EnvelopeError" : null,
  errorCode: error ?? null,
  errorMessage: error ? `${fn} failed` : null,
  durationMs: 1,
  user,
  team,
  clientVersion: "0.1.0",
  model: null,
});

beforeAll(async () => {
  registry = await startTestRegistry({ now: () => new Date("2030-01-25T00:00:00.000Z") });
  await registry.store.recordEvents([
    event("2029-12-01", "grace", "fraud", "get"),
    event("2030-01-01", "ada", "churn", "save", "ENVELOPE_INVALID"),
    event("2030-01-02", "ada", "churn", "save"),
    event("2030-01-03", "bob", "churn", "get", "ENVELOPE_NOT_FOUND"),
    event("2030-01-15", "cy", "churn", "save", "ENVELOPE_INVALID"),
    event("2030-01-16", "grace", "fraud", "find"),
  ]);
}, 60_000);
afterAll(() => registry.close());

const get = (path: string, token: string | null = registry.tokens.admin) => callRegistry(registry, "GET", path, { token });

test("GET /v1/usage/new-users: new users per week, the empty week between included; a team's token counts its team", async () => {
  expect((await get("/v1/usage/new-users")).json).toEqual({ weeks: [{ week: "2029-12-31", users: 2 }, { week: "2030-01-07", users: 0 }, { week: "2030-01-14", users: 1 }] });
  expect((await get("/v1/usage/new-users?since=2030-01-02T00:00:00Z")).json.weeks).toEqual([{ week: "2029-12-31", users: 1 }, { week: "2030-01-07", users: 0 }, { week: "2030-01-14", users: 1 }]);
  expect((await get("/v1/usage/new-users", registry.tokens.grace)).json.weeks).toEqual([]);
});

test("GET /v1/usage/functions: calls, failures, rate and users per function, most called first", async () => {
  expect((await get("/v1/usage/functions")).json.functions).toEqual([
    { fn: "save", calls: 3, failures: 2, failureRate: 2 / 3, users: 2 },
    { fn: "find", calls: 1, failures: 0, failureRate: 0, users: 1 },
    { fn: "get", calls: 1, failures: 1, failureRate: 1, users: 1 },
  ]);
  expect((await get("/v1/usage/functions?team=fraud")).json.functions).toEqual([{ fn: "find", calls: 1, failures: 0, failureRate: 0, users: 1 }]);
  expect((await get("/v1/usage/functions?team=churn", registry.tokens.grace)).status).toBe(403);
});

test("GET /v1/usage/errors: grouped, most frequent first, with the suggested fix of its code; paged", async () => {
  const { json } = await get("/v1/usage/errors");
  expect(json).toEqual({
    errors: [
      { fn: "save", errorClass: "EnvelopeError", errorCode: "ENVELOPE_INVALID", message: "save failed", count: 2, users: 2, lastAt: "2030-01-15T12:00:00.000Z", fix: "Fix the request as the message says." },
      { fn: "get", errorClass: "EnvelopeError", errorCode: "ENVELOPE_NOT_FOUND", message: "get failed", count: 1, users: 1, lastAt: "2030-01-03T12:00:00.000Z", fix: expect.stringMatching(/^Check the model's name and version/) },
    ],
    next: null,
  });
  const first = (await get("/v1/usage/errors?limit=1")).json;
  expect(first.errors.map((error: any) => error.errorCode)).toEqual(["ENVELOPE_INVALID"]);
  const second = (await get(`/v1/usage/errors?limit=1&cursor=${encodeURIComponent(first.next)}`)).json;
  expect(second).toMatchObject({ errors: [{ errorCode: "ENVELOPE_NOT_FOUND" }], next: null });
  expect((await get("/v1/usage/errors?fn=get")).json.errors.map((error: any) => error.fn)).toEqual(["get"]);
});

test("GET /v1/usage/users and /v1/usage/users/{user}: per user, most calls first, and one user's detail", async () => {
  expect((await get("/v1/usage/users")).json).toEqual({
    users: [
      { user: "ada", team: "churn", firstAt: "2030-01-01T12:00:00.000Z", calls: 2, failures: 1 },
      { user: "bob", team: "churn", firstAt: "2030-01-03T12:00:00.000Z", calls: 1, failures: 1 },
      { user: "cy", team: "churn", firstAt: "2030-01-15T12:00:00.000Z", calls: 1, failures: 1 },
      { user: "grace", team: "fraud", firstAt: "2029-12-01T12:00:00.000Z", calls: 1, failures: 0 },
    ],
    next: null,
  });
  const { rows: walked } = await walkPages(async (cursor) => {
    const page = (await get(`/v1/usage/users?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)).json;
    return { rows: page.users.map((user: any) => user.user as string), next: page.next };
  });
  expect(walked).toEqual(["ada", "bob", "cy", "grace"]);
  expect((await get("/v1/usage/users/ada")).json).toEqual({
    user: "ada",
    functions: [{ fn: "save", calls: 2, failures: 1 }],
    recentFailures: [{ at: "2030-01-01T12:00:00.000Z", fn: "save", errorCode: "ENVELOPE_INVALID", message: "save failed" }],
  });
  // a team's token sees its own team only: ada is not in fraud
  expect((await get("/v1/usage/users/ada", registry.tokens.grace)).json).toEqual({ user: "ada", functions: [], recentFailures: [] });
});

test.each([
  ["/v1/usage/new-users?since=last%20week", /query\.since/],
  ["/v1/usage/functions?fn=save", /query\.fn.*no such parameter/],
  ["/v1/usage/errors?limit=abc", /query\.limit/],
  ["/v1/usage/errors?cursor=x", /query\.cursor/],
  ["/v1/usage/users?limit=5000", /query\.limit/],
  ["/v1/usage/users/ada?since=2030-13-45", /query\.since/],
])("GET %s is a 400 naming the parameter", async (path, problem) => {
  const refused = await get(path);
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.json.error.problems)).toMatch(problem);
});

test.each(["/v1/usage/new-users", "/v1/usage/functions", "/v1/usage/errors", "/v1/usage/users", "/v1/usage/users/ada"])("GET %s without a token is a 401", async (path) => {
  expect((await get(path, null)).status).toBe(401);
});
