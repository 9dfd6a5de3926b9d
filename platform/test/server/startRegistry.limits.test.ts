import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { envelopeBody } from "../support/models.ts";
import { callRegistry, type CallOptions } from "../support/callRegistry.ts";
import { startTestRegistry, type TestRegistry } from "../support/startTestRegistry.ts";

// the registry's bounds on what one request can cost it: the size of an error, the nesting and
// width of a body, and the answer to a body at the 16 MiB limit (issue 15, findings 2 and 7)
let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
}, 60_000);
afterAll(() => registry.close());

const call = (method: string, path: string, options: CallOptions = {}) => callRegistry(registry, method, path, options);
const nested = (depth: number, inner = "1") => `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;
const event = () => ({ at: new Date().toISOString(), fn: "find", args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 2, user: null, team: null, clientVersion: "0.1.0", model: null });

describe("a 422 is bounded", () => {
  test("5,000 bad tag keys: the first 100 problems, and a message that says there are more", async () => {
    const tags = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`bad key ${index}!`, "v"]));
    const { status, json, bytes } = await call("POST", "/v1/models/many-problems", { body: envelopeBody({ tags }) });
    expect(status).toBe(422);
    expect(json.error.problems).toHaveLength(100);
    expect(json.error.problems[0].path).toBe("tags");
    expect(json.error.message).toBe("more than 100 problems in the envelope (the first 100 listed)");
    expect(json.error.problemsTruncated).toBe(true);
    expect(bytes.length).toBeLessThan(64 * 1024);
  });

  test("a problem's path and preview stay short whatever the key", async () => {
    const key = "x".repeat(100_000);
    const { status, json, bytes } = await call("POST", "/v1/models/long-key", { body: { ...envelopeBody(), context: { node: "v20.1.0", packages: { [key]: 1 } } } });
    expect(status).toBe(422);
    expect(json.error.problems[0].path).toMatch(/^context\.packages\.x{50,}\.\.\.$/);
    expect(bytes.length).toBeLessThan(2048);
  });

  /** a save whose `tags` (or a metric's points) fill the body up to the registry's 16 MiB limit */
  function fill(kind: "tag keys" | "metric points"): string {
    const template = JSON.stringify(envelopeBody({ tags: { "@": "@" } })).replace('"auc"', '"loss"');
    const room = 16 * 1024 * 1024 - template.length - 100;
    const item = (index: number) => (kind === "tag keys" ? `"k${index}!":"v"` : `{"x":"${index}","y":null}`);
    const items: string[] = [];
    const budget = kind === "tag keys" ? room : room * 0.99; // each series adds its own braces
    for (let index = 0, size = 0; size + 40 < budget; index++) {
      items.push(item(index));
      size += items[index]!.length + 1;
    }
    if (kind === "tag keys") return template.replace('"@":"@"', items.join(","));
    // series of 5,000 points each: under the 10,000 points a series may have
    const series: string[] = [];
    for (let start = 0; start < items.length; start += 5000) series.push(`{"name":"loss","kind":"series","points":[${items.slice(start, start + 5000).join(",")}]}`);
    return template.replace('{"name":"loss","kind":"scalar","value":0.9}', series.join(","));
  }

  test.each(["tag keys", "metric points"] as const)("a 16 MiB body of bad %s is refused with a small answer, and the registry keeps serving", async (kind) => {
    const raw = fill(kind);
    expect(raw.length).toBeLessThanOrEqual(16 * 1024 * 1024);
    const refused = await call("POST", "/v1/models/flood", { raw });
    expect([413, 422]).toContain(refused.status);
    expect(refused.bytes.length).toBeLessThan(64 * 1024);
    expect((await call("GET", "/v1/health", { token: null })).status).toBe(200);
    expect(registry.logged).toEqual([]);
  }, 60_000);
});

describe("nesting and width", () => {
  test.each([
    // [where the deep value is, path, body]
    ["the artifact", "/v1/models/deep", () => JSON.stringify(envelopeBody()).replace('{"weights":[1,2,3]}', nested(5000))],
    ["a tag", "/v1/models/deep", () => JSON.stringify(envelopeBody()).replace('"region":"us"', `"region":${nested(5000)}`)],
    ["an event's args", "/v1/events", () => JSON.stringify({ events: [event()] }).replace('"args":[]', `"args":${nested(5000)}`)],
    ["metrics", "/v1/models/deep/versions/1/metrics", () => `{"metrics":${nested(100_000)}}`],
  ])("JSON nested 5,000 levels in %s is a 413 naming the limit, never a 500", async (_where, path, body) => {
    const { status, json } = await call("POST", path, { raw: body() });
    expect(status).toBe(413);
    expect(json.error).toMatchObject({ code: "ENVELOPE_TOO_LARGE", maxDepth: 512 });
    expect(json.error.message).toMatch(/nested deeper than 512 levels/);
    expect(registry.logged).toEqual([]);
  });

  test("an artifact nested 500 levels is saved and served as sent", async () => {
    const artifact = nested(500, '{"leaf":true}');
    const raw = JSON.stringify(envelopeBody()).replace('{"weights":[1,2,3]}', artifact);
    expect((await call("POST", "/v1/models/deep-enough", { raw })).status).toBe(201);
    expect((await call("GET", "/v1/models/deep-enough/versions/1/artifact")).text).toBe(artifact);
  });

  test("an object of more than 10,000 members outside the artifact is a 413 naming the limit", async () => {
    const features = Object.fromEntries(Array.from({ length: 10_001 }, (_, index) => [`f${index}`, 1]));
    const { status, json } = await call("POST", "/v1/models/wide", { body: envelopeBody({ data: { features, metrics: [] } as never }) });
    expect(status).toBe(413);
    expect(json.error).toMatchObject({ code: "ENVELOPE_TOO_LARGE", maxMembers: 10_000 });
    expect(json.error.message).toMatch(/data\.features/);
  });

  test("an artifact object of 50,000 members is saved: the limit is not the artifact's", async () => {
    const vocabulary = Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`w${index}`, index]));
    const body = envelopeBody({ function: { ...envelopeBody().function, artifact: { encoding: "json", data: vocabulary } } });
    expect((await call("POST", "/v1/models/vocabulary", { body })).status).toBe(201);
    expect(JSON.parse((await call("GET", "/v1/models/vocabulary/versions/1/artifact")).text)).toEqual(vocabulary);
  });
});
