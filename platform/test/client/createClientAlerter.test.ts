import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Registry } from "../../src/client/Registry.ts";
import { startTestRegistry, type TestRegistry } from "../support/startTestRegistry.ts";

let registry: TestRegistry;
let hook: { url: string; close: () => void };

beforeAll(async () => {
  registry = await startTestRegistry();
  // a webhook that answers 503 to a channel named "down", 200 to the rest
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(request.url?.endsWith("/down") ? 503 : 200).end("ok"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  hook = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, close: () => server.close() };
}, 60_000);
afterAll(async () => {
  hook.close();
  await registry.close();
});

const recorded = async () => (await registry.store.readAlerts({ limit: 100 })).alerts.map(({ id: _id, at: _at, ...alert }) => alert);

test("a client with alerts keeps each posted alert in its registry, with the webhook's status; record: false keeps none", async () => {
  const ada = new Registry({ url: registry.url, token: registry.tokens.ada, alerts: { webhook: `${hook.url}/ok` }, tracking: { sink: "none" } });
  await ada.get("never-saved").catch(() => {});
  await ada.flush();
  const down = new Registry({ url: registry.url, token: registry.tokens.grace, alerts: { webhook: `${hook.url}/down`, onError: () => {} }, tracking: { sink: "none" } });
  await down.get("never-saved").catch(() => {});
  await down.flush();
  expect(await recorded()).toEqual([
    { kind: "ENVELOPE_NOT_FOUND", text: "get failed for grace (fraud) on never-saved: ENVELOPE_NOT_FOUND (404)", status: 503, source: "client", user: "grace", team: "fraud" },
    { kind: "ENVELOPE_NOT_FOUND", text: "get failed for ada (churn) on never-saved: ENVELOPE_NOT_FOUND (404)", status: 200, source: "client", user: "ada", team: "churn" },
  ]);

  const quiet = new Registry({ url: registry.url, token: registry.tokens.ada, alerts: { webhook: `${hook.url}/ok`, record: false }, tracking: { sink: "none" } });
  await quiet.get("never-saved").catch(() => {});
  await quiet.flush();
  expect(await recorded()).toHaveLength(2);
});

test("a registry that refuses the alert is told to onError, never to the call", async () => {
  const errors: unknown[] = [];
  const forged = new Registry({ url: registry.url, token: "forged", alerts: { webhook: `${hook.url}/ok`, onError: (error) => errors.push(error) }, tracking: { sink: "none" } });
  await expect(forged.whoami()).rejects.toMatchObject({ code: "ENVELOPE_UNAUTHORIZED" });
  await forged.flush();
  expect(errors.map((error) => (error as { code?: string }).code)).toEqual(["ENVELOPE_UNAUTHORIZED"]);
});
