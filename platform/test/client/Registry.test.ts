import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Registry } from "../../src/client/Registry.ts";
import { readJsonlEvents } from "../../src/tracking/readJsonlEvents.ts";
import { startTestRegistry, type TestRegistry } from "../support/startTestRegistry.ts";

let registry: TestRegistry;
let hook: { url: string; received: any[]; close: () => void };

beforeAll(async () => {
  registry = await startTestRegistry({ maxBodyBytes: 32 * 1024 });
  const received: any[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push(JSON.parse(body));
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  hook = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, close: () => server.close() };
}, 60_000);
afterAll(async () => {
  hook.close();
  await registry.close();
});

const client = (options: Partial<ConstructorParameters<typeof Registry>[0]> = {}) => new Registry({ url: registry.url, token: registry.tokens.ada, ...options });

describe("Registry (client) against a live registry", () => {
  test("save derives shape and summaries, and records usage in the registry by default", async () => {
    const ada = client();
    const saved = await ada.save({ name: "client-churn", artifact: { w: [1] }, inputs: [{ age: 30, plan: "pro" }, { age: null, plan: "basic" }], outputs: [{ p: 0.5 }, { p: 0.25 }], tags: { region: "us" }, packages: { pg: "8.23.1" } });
    expect(saved).toMatchObject({ name: "client-churn", version: 1, tags: { region: "us", owner: "ada", team: "churn" } });
    const envelope = await ada.get("client-churn");
    expect(envelope.function.shape).toEqual({ inputs: [{ name: "age", type: "integer", nullable: true }, { name: "plan", type: "string", nullable: false }], outputs: [{ name: "p", type: "number", nullable: false }] });
    expect(envelope.data.features["age"]).toEqual({ type: "integer", count: 1, nulls: 1, min: 30, max: 30, mean: 30 });
    expect(envelope.context).toEqual({ node: process.version, packages: { pg: "8.23.1" } });
    await ada.flush();
    const events = await client({ tracking: { sink: "none" } }).usageEvents();
    expect(events.map((event) => `${event.fn}:${event.success}:${event.user}`)).toEqual(["save:true:ada", "get:true:ada"]);
    expect(events[0]!.args).toEqual([{ name: "client-churn", artifact: "<json, 9 characters>", inputs: [{ age: 30, plan: "pro" }, { age: null, plan: "basic" }], outputs: [{ p: 0.5 }, { p: 0.25 }], tags: { region: "us" }, packages: { pg: "8.23.1" } }]);
  });

  test("errors carry code, status and problems; tracked to a JSONL file with the error", async () => {
    const file = path.join(registry.dir, "usage.jsonl");
    const ada = client({ tracking: { sink: { file } } });
    await expect(ada.logMetrics("client-churn", 1, [{ name: "auc", kind: "scalar", value: 3 }])).rejects.toMatchObject({
      code: "ENVELOPE_INVALID",
      status: 422,
      problems: [{ path: "metrics[0].value", expected: "a number in [0, 1] for auc", got: "3" }],
      message: "POST /v1/models/client-churn/versions/1/metrics: 422 ENVELOPE_INVALID: 1 problem in the metrics\n  - metrics[0].value: expected a number in [0, 1] for auc, got 3",
    });
    await expect(ada.artifact("client-churn", 7)).rejects.toMatchObject({ code: "ENVELOPE_NOT_FOUND", status: 404 });
    await ada.flush();
    expect(readJsonlEvents(file).map((event) => [event.fn, event.success, event.errorCode, event.user])).toEqual([
      ["logMetrics", false, "ENVELOPE_INVALID", "ada"],
      ["artifact", false, "ENVELOPE_NOT_FOUND", "ada"],
    ]);
  });

  test("a registry that does not answer is ENVELOPE_NETWORK naming the URL", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const nowhere = new Registry({ url: `http://127.0.0.1:${port}`, token: "x", tracking: { sink: "none" } });
    await expect(nowhere.whoami()).rejects.toMatchObject({ code: "ENVELOPE_NETWORK", message: `GET /v1/whoami: no answer from the registry at http://127.0.0.1:${port} (ECONNREFUSED)` });
  });

  test("failures post rate-limited alerts with fixes: 401, 413, 422", async () => {
    hook.received.length = 0;
    const forged = new Registry({ url: registry.url, token: "forged", alerts: { webhook: hook.url }, tracking: { sink: "none" } });
    for (let index = 0; index < 3; index++) await expect(forged.find({ a: "b" })).rejects.toMatchObject({ status: 401 });
    await forged.flush();
    const ada = client({ alerts: { webhook: hook.url }, tracking: { sink: "none" } });
    await expect(ada.save({ name: "too-big", artifact: new Uint8Array(64 * 1024), inputs: [{ x: 1 }], outputs: [{ y: 1 }] })).rejects.toMatchObject({ status: 413, details: { limit: 32 * 1024 } });
    await expect(ada.save({ name: "bad-tags", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }], tags: { team: "x" } })).rejects.toMatchObject({ status: 422 });
    await ada.flush();
    expect(hook.received.map((message) => message.text)).toEqual([
      "find failed for unknown user (unknown team): ENVELOPE_UNAUTHORIZED (401)",
      "save failed for ada (churn) on too-big: ENVELOPE_TOO_LARGE (413)",
      "save failed for ada (churn) on bad-tags: ENVELOPE_INVALID (422)",
    ]);
    const fixes = hook.received.map((message) => JSON.stringify(message.blocks));
    expect(fixes[0]).toContain("Check the token");
    expect(fixes[1]).toContain("the limit is 32768 bytes");
    expect(fixes[2]).toContain("Fix the listed fields: tags.team.");
  });

  test("a registry that takes events but never answers them: flush resolves with what is still queued", { timeout: 20_000 }, async () => {
    // every call is answered except the tracking's own (whoami and events), which hang until aborted
    const hanging = ((target: string, init: RequestInit) =>
      /\/v1\/(events|whoami)$/.test(String(target)) ? new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal!.reason))) : fetch(target, init)) as unknown as typeof fetch;
    const ada = client({ fetch: hanging, tracking: { limits: { timeoutMs: 100 } } });
    await expect(ada.find({ name: "client-churn" })).resolves.toHaveLength(1);
    expect(await ada.flush()).toEqual({ sent: 0, queued: 1, dropped: 0, rejected: 0, failures: 1 });
  });

  test("fromEnv names the missing variable", () => {
    expect(() => Registry.fromEnv({}, {})).toThrow(/`url` is empty; expected the registry's base URL \(ENVELOPE_REGISTRY_URL\)/);
    expect(() => Registry.fromEnv({}, { ENVELOPE_REGISTRY_URL: "http://x" })).toThrow(/ENVELOPE_TOKEN/);
  });
});
