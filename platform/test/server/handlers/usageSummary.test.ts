import { afterAll, beforeAll, expect, test } from "vitest";
import type { UsageEvent } from "../../../src/tracking/UsageEvent.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

let registry: TestRegistry;
const event = (at: string, user: string, team: string, fn: string): UsageEvent => ({ at, fn, args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user, team, clientVersion: "0.1.0", model: null });

beforeAll(async () => {
  registry = await startTestRegistry({ now: () => new Date("2030-01-10T00:00:00.000Z") });
  await registry.store.recordEvents([event("2030-01-01T00:00:00.000Z", "ada", "churn", "save"), event("2030-01-09T00:00:00.000Z", "ada", "churn", "get"), event("2030-01-09T00:00:00.000Z", "grace", "fraud", "get")]);
}, 60_000);
afterAll(() => registry.close());

async function get(query: string, token = registry.tokens.admin) {
  const response = await fetch(`${registry.url}/v1/usage/summary${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test("GET /v1/usage/summary: the last 7 days by default; every team for an admin, one with `team`", async () => {
  expect((await get("")).body).toEqual({
    since: "2030-01-03T00:00:00.000Z",
    newUsers: [{ user: "grace", team: "fraud", firstSeen: "2030-01-09T00:00:00.000Z" }],
    functions: [{ fn: "get", calls: 2, failures: 0, failureRate: 0 }],
    topErrors: [],
  });
  expect((await get("?since=2029-12-01T00:00:00Z&team=churn")).body["functions"]).toEqual([
    { fn: "get", calls: 1, failures: 0, failureRate: 0 },
    { fn: "save", calls: 1, failures: 0, failureRate: 0 },
  ]);
});

test("a team's token gets its own team's summary, and a 403 for another's", async () => {
  expect((await get("?since=2029-12-01T00:00:00Z", registry.tokens.grace)).body["newUsers"]).toEqual([{ user: "grace", team: "fraud", firstSeen: "2030-01-09T00:00:00.000Z" }]);
  expect((await get("?team=churn", registry.tokens.grace)).status).toBe(403);
});

test.each([
  ["?top=0", /query\.top/],
  ["?top=101", /query\.top/],
  ["?since=yesterday", /query\.since/],
  ["?fn=drop%20table", /query\.fn/],
])("GET /v1/usage/summary%s is a 422 naming the parameter", async (query, problem) => {
  const refused = await get(query);
  expect(refused.status).toBe(422);
  expect(JSON.stringify(refused.body)).toMatch(problem);
});
