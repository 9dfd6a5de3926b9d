import { afterAll, beforeAll, expect, test } from "vitest";
import { Registry } from "../../../src/client/Registry.ts";
import type { UsageEvent } from "../../../src/tracking/UsageEvent.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

let registry: TestRegistry;
const event = (index: number, team: string): UsageEvent => ({ at: new Date(Date.UTC(2030, 0, 1) + index * 1000).toISOString(), fn: `fn${index}`, args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user: "ada", team, clientVersion: "0.1.0", model: null });

beforeAll(async () => {
  registry = await startTestRegistry();
  // one more than a default page
  await registry.store.recordEvents(Array.from({ length: 1001 }, (_, index) => event(index, index % 2 === 0 ? "churn" : "fraud")));
}, 60_000);
afterAll(() => registry.close());

async function get(query: string, token = registry.tokens.admin) {
  const response = await fetch(`${registry.url}/v1/events${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { events: UsageEvent[]; next: string | null; error?: { message: string } } };
}

test("GET /v1/events answers a page at a time: 1,000 by default, `limit` up to 10,000, `next` to pass as `after`", async () => {
  const first = await get("");
  expect(first.status).toBe(200);
  expect(first.body.events).toHaveLength(1000);
  expect(first.body.next).toEqual(expect.any(String));
  const rest = await get(`?after=${encodeURIComponent(first.body.next!)}`);
  expect(rest.body.events.map((entry) => entry.fn)).toEqual(["fn1000"]);
  expect(rest.body.next).toBeNull();

  const fns: string[] = [];
  let after: string | null = null;
  do {
    const page = await get(`?since=2030-01-01T00:00:10.000Z&limit=300${after === null ? "" : `&after=${encodeURIComponent(after)}`}`);
    expect(page.body.events.length).toBeLessThanOrEqual(300);
    fns.push(...page.body.events.map((entry) => entry.fn));
    after = page.body.next;
  } while (after !== null && fns.length < 2000);
  expect(fns).toEqual(Array.from({ length: 991 }, (_, index) => `fn${index + 10}`));
});

test("a team's token pages through its own team's events only", async () => {
  const page = await get("?limit=10000", registry.tokens.ada);
  expect(page.body.events).toHaveLength(501);
  expect(new Set(page.body.events.map((entry) => entry.team))).toEqual(new Set(["churn"]));
});

test.each([
  ["?limit=0", /query\.limit/],
  ["?limit=10001", /query\.limit/],
  ["?limit=ten", /query\.limit/],
  ["?after=nonsense", /query\.after/],
])("GET /v1/events%s is a 422 naming the parameter", async (query, problem) => {
  const refused = await get(query);
  expect(refused.status).toBe(422);
  expect(JSON.stringify(refused.body)).toMatch(problem);
});

test("Registry.usageEvents follows the pages: every event since a time", async () => {
  const events = await new Registry({ url: registry.url, token: registry.tokens.admin, tracking: { sink: "none" } }).usageEvents(new Date("2030-01-01T00:00:00.500Z"));
  expect(events.map((entry) => entry.fn)).toEqual(Array.from({ length: 1000 }, (_, index) => `fn${index + 1}`));
});

test("an admin reads one team's events with `team`; a team's token may name only its own team (403 otherwise)", async () => {
  const fraud = await get("?limit=10000&team=fraud");
  expect([fraud.body.events.length, new Set(fraud.body.events.map((entry) => entry.team))]).toEqual([500, new Set(["fraud"])]);
  expect((await get("?limit=10000&team=churn", registry.tokens.ada)).body.events).toHaveLength(501);
  const refused = await get("?team=fraud", registry.tokens.ada);
  expect(refused.status).toBe(403);
  expect(refused.body.error?.message).toMatch(/the token of ada \(team churn\) reads its own team's usage; expected team=churn, or an admin token for team fraud/);
});
