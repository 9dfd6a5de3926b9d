import { readdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { routes } from "../../src/server/routes.ts";
import { callRegistry, type CallOptions } from "../support/callRegistry.ts";
import { envelopeBody } from "../support/models.ts";
import { startTestRegistry, type TestRegistry } from "../support/startTestRegistry.ts";

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry({ maxBodyBytes: 64 * 1024 });
}, 60_000);
afterAll(() => registry.close());

const call = (method: string, path: string, options: CallOptions = {}) => callRegistry(registry, method, path, options);

/** A raw request that keeps the path as written (fetch would resolve `..`). */
function rawGet(path: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const url = new URL(registry.url);
    const request = httpRequest({ host: url.hostname, port: url.port, path, headers: { authorization: `Bearer ${registry.tokens.ada}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("the registry over HTTP", () => {
  test("saves versions, gets them, finds them, serves the artifact", async () => {
    const first = await call("POST", "/v1/models/churn", { body: envelopeBody() });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: "churn", version: 1, owner: "ada", team: "churn", tags: { name: "churn", owner: "ada", team: "churn", region: "us", description: "test model" } });
    expect((await call("POST", "/v1/models/churn", { body: envelopeBody() })).json.version).toBe(2);
    const latest = await call("GET", "/v1/models/churn/versions/latest");
    expect(latest.json).toMatchObject({ version: 2, function: { artifact: { mediaType: "application/json", size: 19 } }, context: { packages: { pg: "8.23.1" } } });
    const found = await call("GET", `/v1/models?tag=${encodeURIComponent("region=us")}&tag=name=churn`);
    expect(found.json.models.map((model: { version: number }) => model.version)).toEqual([2, 1]);
    const artifact = await call("GET", "/v1/models/churn/versions/1/artifact");
    expect(artifact.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(artifact.text)).toEqual({ weights: [1, 2, 3] });
  });

  test("serves an OpenAPI document that lists every route", async () => {
    const { status, json } = await call("GET", "/v1/openapi.json", { token: null });
    expect(status).toBe(200);
    expect(json.openapi).toBe("3.1.0");
    for (const route of routes) expect(json.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.operationId);
  });

  test.each([
    // [why, method, path, options, status, code]
    ["no token", "GET", "/v1/models", { token: null }, 401, "ENVELOPE_UNAUTHORIZED"],
    ["unknown token", "GET", "/v1/models", { token: "forged" }, 401, "ENVELOPE_UNAUTHORIZED"],
    ["unknown route", "GET", "/v1/nothing", {}, 404, "ENVELOPE_NOT_FOUND"],
    ["wrong method", "POST", "/v1/models", { body: {} }, 405, "ENVELOPE_METHOD_NOT_ALLOWED"],
    ["missing version", "GET", "/v1/models/churn/versions/99", {}, 404, "ENVELOPE_NOT_FOUND"],
    ["bad version", "GET", "/v1/models/churn/versions/v1", {}, 422, "ENVELOPE_INVALID"],
    ["malformed JSON", "POST", "/v1/models/churn", { raw: '{"function": ' }, 400, "ENVELOPE_MALFORMED_JSON"],
    ["empty body", "POST", "/v1/models/churn", { raw: "" }, 400, "ENVELOPE_MALFORMED_JSON"],
    ["JSON that is not an object", "POST", "/v1/models/churn", { body: [1, 2] }, 422, "ENVELOPE_INVALID"],
    ["bad query", "GET", "/v1/models?tag=novalue&limit=0", {}, 422, "ENVELOPE_INVALID"],
    ["encoded slash in a name", "GET", "/v1/models/a%2F..%2Fb/versions/1", {}, 422, "ENVELOPE_INVALID"],
    ["bad percent-encoding", "GET", "/v1/models/%E0%A4%A/versions/1", {}, 422, "ENVELOPE_INVALID"],
  ] as const)("%s: %s %s is %i %s", async (_why, method, path, options, status, code) => {
    const response = await call(method, path, options);
    expect(response.status).toBe(status);
    expect(response.json.error).toMatchObject({ code, status });
    expect(response.json.error.message).toEqual(expect.any(String));
  });

  test("a 422 lists every problem with its path and expectation", async () => {
    const body = envelopeBody({ tags: { team: "x", "bad key!": "v", ok: "\u0001" } }) as any;
    body.function.shape.inputs[0].type = "float";
    body.data.metrics = [{ name: "auc", kind: "scalar", value: 2 }, { name: "roc", kind: "scalar", value: 1 }];
    body.context.node = 20;
    body.extra = true;
    const { status, json } = await call("POST", "/v1/models/typos", { body });
    expect(status).toBe(422);
    expect(json.error.problems.map((problem: { path: string }) => problem.path)).toEqual([
      "extra",
      "function.shape.inputs[0].type",
      "context.node",
      "data.metrics[0].value",
      "data.metrics[1].kind",
      "tags.team",
      "tags.bad key!",
      "tags.ok",
    ]);
    expect(json.error.problems[1]).toEqual({ path: "function.shape.inputs[0].type", expected: "one of number, integer, string, boolean", got: '"float"' });
    expect((await call("GET", "/v1/models/typos/versions/latest")).status).toBe(404);
  });

  test("another team gets 403 for saving, tagging and logging metrics; reading is allowed", async () => {
    await call("POST", "/v1/models/owned", { body: envelopeBody() });
    const grace = { token: registry.tokens.grace };
    expect((await call("POST", "/v1/models/owned", { ...grace, body: envelopeBody() })).json.error.code).toBe("ENVELOPE_FORBIDDEN");
    expect((await call("POST", "/v1/models/owned/versions/1/tags", { ...grace, body: { tags: { stage: "prod" } } })).status).toBe(403);
    expect((await call("POST", "/v1/models/owned/versions/1/metrics", { ...grace, body: { metrics: [{ name: "auc", kind: "scalar", value: 0.5 }] } })).status).toBe(403);
    expect((await call("GET", "/v1/models/owned/versions/1", grace)).status).toBe(200);
  });

  test("path traversal in names is refused and never touches the file system", async () => {
    for (const path of ["/v1/models/../../etc/passwd", "/v1/models/..%2F..%2Fetc%2Fpasswd/versions/1/artifact", "/v1/models/.hidden/versions/1"]) {
      const response = await rawGet(path);
      expect([404, 422]).toContain(response.status);
      expect(response.body.error.code).toMatch(/ENVELOPE_(NOT_FOUND|INVALID)/);
    }
    const save = await call("POST", `/v1/models/${encodeURIComponent("../escape")}`, { body: envelopeBody() });
    expect(save.status).toBe(422);
    expect(save.json.error.problems[0].path).toBe("path.name");
  });

  test("unicode tags round-trip and are found", async () => {
    const tags = { city: "Zürich", "地域": "東京", note: "🚀 ready" };
    expect((await call("POST", "/v1/models/unicode", { body: envelopeBody({ tags }) })).status).toBe(201);
    const query = Object.entries(tags).map(([key, value]) => `tag=${encodeURIComponent(`${key}=${value}`)}`).join("&");
    const found = await call("GET", `/v1/models?${query}`);
    expect(found.json.models).toHaveLength(1);
    expect(found.json.models[0].tags).toMatchObject(tags);
  });

  test("a body over the limit is 413 with the limit, and the registry keeps serving", async () => {
    const huge = envelopeBody({ function: { artifact: { encoding: "base64", data: Buffer.alloc(512 * 1024).toString("base64") }, shape: envelopeBody().function.shape } });
    const response = await call("POST", "/v1/models/huge", { body: huge });
    expect(response.status).toBe(413);
    expect(response.json.error).toMatchObject({ code: "ENVELOPE_TOO_LARGE", limit: 64 * 1024 });
    // a streamed body without Content-Length is cut off the same way
    const stream = new ReadableStream({
      start(controller) {
        for (let index = 0; index < 20; index++) controller.enqueue(new Uint8Array(16 * 1024).fill(32));
        controller.close();
      },
    });
    const streamed = await fetch(`${registry.url}/v1/models/huge`, { method: "POST", headers: { authorization: `Bearer ${registry.tokens.ada}` }, body: stream, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await call("GET", "/v1/health", { token: null })).json).toEqual({ ok: true, store: "pglite" });
  });

  test("wrong types everywhere get 4xx and never a 500", async () => {
    const bodies = [null, 1, "text", true, {}, { function: null }, { function: { artifact: 1, shape: [] } }, { data: { features: [], metrics: {} } }, { tags: [] }, { context: { packages: [] } }];
    for (const body of bodies) {
      const response = await call("POST", "/v1/models/types", { raw: JSON.stringify(body) });
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    for (const body of [null, { tags: "x" }, { metrics: 1 }, { events: [{}] }]) {
      for (const path of ["/v1/models/churn/versions/1/tags", "/v1/models/churn/versions/1/metrics", "/v1/events"]) {
        expect((await call("POST", path, { raw: JSON.stringify(body) })).status, `${path} ${JSON.stringify(body)}`).toBe(422);
      }
    }
    expect(registry.logged).toEqual([]);
  });

  test("usage events: recorded under the token's user and team; admins read every team", async () => {
    const event = { at: new Date().toISOString(), fn: "find", args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 2, user: "spoofed", team: "spoofed", clientVersion: "0.1.0", model: null };
    expect((await call("POST", "/v1/events", { body: { events: [event] } })).status).toBe(202);
    expect((await call("POST", "/v1/events", { token: registry.tokens.grace, body: { events: [event] } })).status).toBe(202);
    const own = await call("GET", "/v1/events");
    expect(own.json.events.map((recorded: { user: string; team: string }) => `${recorded.user}/${recorded.team}`)).toEqual(["ada/churn"]);
    const all = await call("GET", "/v1/events", { token: registry.tokens.admin });
    expect(all.json.events).toHaveLength(2);
    expect((await call("GET", "/v1/events?since=yesterday")).status).toBe(422);
  });
});

// last: it empties the registry the tests above share
describe("reset", () => {
  test("empties models, artifacts, usage and deployment rules; tokens stay valid and versions start at 1", async () => {
    await call("POST", "/v1/models/renewed", { body: envelopeBody() });
    await call("POST", "/v1/models/renewed", { body: envelopeBody() });
    const event = { at: new Date().toISOString(), fn: "save", args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 2, user: "ada", team: "churn", clientVersion: "0.1.0", model: "renewed" };
    expect((await call("POST", "/v1/events", { body: { events: [event] } })).status).toBe(202);
    expect((await call("POST", "/v1/deploy-rules", { body: { service: "renewed-api", tags: { name: "renewed" } } })).status).toBe(201);
    expect((await call("POST", "/v1/deploy-rules/renewed-api/deployment", { body: { name: "renewed", version: 2 } })).status).toBe(200);
    const artifacts = path.join(registry.dir, "artifacts");
    expect(readdirSync(artifacts)).not.toEqual([]);

    await registry.reset();

    expect((await call("GET", "/v1/models/renewed/versions/latest")).status).toBe(404);
    expect((await call("GET", "/v1/models?tag=name=renewed")).json.models).toEqual([]);
    expect((await call("GET", "/v1/events", { token: registry.tokens.admin })).json.events).toEqual([]);
    expect((await call("GET", "/v1/deploy-rules")).json.rules).toEqual([]);
    expect(readdirSync(artifacts)).toEqual([]);
    // every token still authenticates, cached or not
    for (const token of Object.values(registry.tokens)) expect((await call("GET", "/v1/whoami", { token })).status).toBe(200);
    const saved = await call("POST", "/v1/models/renewed", { token: registry.tokens.grace, body: envelopeBody() });
    expect([saved.status, saved.json.version, saved.json.team]).toEqual([201, 1, "fraud"]);
    expect(JSON.parse((await call("GET", "/v1/models/renewed/versions/1/artifact")).text)).toEqual({ weights: [1, 2, 3] });
    expect(registry.logged).toEqual([]);
  });
});
