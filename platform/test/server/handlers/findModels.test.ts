import { afterAll, beforeAll, expect, test } from "vitest";
import { callRegistry } from "../../support/callRegistry.ts";
import { envelopeBody } from "../../support/models.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
}, 60_000);
afterAll(() => registry.close());

test("tag keys named like Object.prototype's members are saved, found and changed like any other (issue 15, finding 7)", async () => {
  const tags = { constructor: "a", toString: "b", hasOwnProperty: "c", valueOf: "d" };
  expect((await callRegistry(registry, "POST", "/v1/models/proto", { body: envelopeBody({ tags }) })).status).toBe(201);
  expect((await callRegistry(registry, "POST", "/v1/models/other", { body: envelopeBody({ tags: { region: "eu" } }) })).status).toBe(201);
  for (const [key, value] of Object.entries(tags)) {
    const found = await callRegistry(registry, "GET", `/v1/models?tag=${key}=${value}`);
    expect([found.status, found.json.models.map((model: { name: string }) => model.name)], key).toEqual([200, ["proto"]]);
  }
  const both = await callRegistry(registry, "GET", "/v1/models?tag=constructor=a&tag=toString=b");
  expect(both.json.models).toHaveLength(1);
  const retagged = await callRegistry(registry, "POST", "/v1/models/proto/versions/1/tags", { body: { tags: { constructor: "z" } } });
  expect(retagged.json.tags).toMatchObject({ constructor: "z", toString: "b" });
  expect((await callRegistry(registry, "GET", "/v1/models?tag=constructor=a")).json.models).toEqual([]);
  expect((await callRegistry(registry, "GET", "/v1/models?tag=constructor=z")).json.models).toHaveLength(1);
});
