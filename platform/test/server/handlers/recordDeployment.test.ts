import { afterAll, beforeAll, expect, test } from "vitest";
import { callRegistry } from "../../support/callRegistry.ts";
import { envelopeBody } from "../../support/models.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
}, 60_000);
afterAll(() => registry.close());

test("a deployment of a version that does not exist is a 404 naming name@version, and nothing is recorded (issue 15, finding 7)", async () => {
  expect((await callRegistry(registry, "POST", "/v1/models/scorer", { body: envelopeBody() })).status).toBe(201);
  expect((await callRegistry(registry, "POST", "/v1/deploy-rules", { body: { service: "scorer-api", tags: { name: "scorer" } } })).status).toBe(201);
  for (const [model, named] of [[{ name: "scorer", version: 7 }, "scorer@7"], [{ name: "nothing", version: 1 }, "nothing@1"]] as const) {
    const refused = await callRegistry(registry, "POST", "/v1/deploy-rules/scorer-api/deployment", { body: model });
    expect(refused.status).toBe(404);
    expect(refused.json.error).toMatchObject({ code: "ENVELOPE_NOT_FOUND", message: `model ${named} not found; a service runs a saved version` });
  }
  expect((await callRegistry(registry, "GET", "/v1/deploy-rules")).json.rules[0].running).toBeNull();
  const recorded = await callRegistry(registry, "POST", "/v1/deploy-rules/scorer-api/deployment", { body: { name: "scorer", version: 1 } });
  expect([recorded.status, recorded.json.version]).toEqual([200, 1]);
});
