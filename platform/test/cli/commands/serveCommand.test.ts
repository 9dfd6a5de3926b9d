import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { CliIo } from "../../../src/cli/CliIo.ts";
import { main } from "../../../src/cli/main.ts";
import { Registry } from "../../../src/client/Registry.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";
import { servableEnvelope } from "../../support/servableEnvelope.ts";

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
  const ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
  const code = servableEnvelope().context.code!;
  const inputs = [{ x: 1, plan: "pro", visits: 2 }, { x: 9, plan: "basic", visits: null }];
  await ada.save({ name: "linear", artifact: { slope: 2, intercept: 1 }, inputs, outputs: [{ y: 3 }, { y: 19 }], code, tags: { stage: "prod" } });
  await ada.save({ name: "linear", artifact: { slope: 10, intercept: 0 }, inputs, outputs: [{ y: 10 }, { y: 90 }], code });
}, 60_000);
afterAll(() => registry.close());

/** Runs `envelope serve` until the test says stop; resolves its URL once it serves. */
function serveCli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let listening!: (url: string) => void;
  const url = new Promise<string>((resolve) => (listening = resolve));
  const captured = { out: "", err: "" };
  const io: CliIo = {
    stdout: (text) => {
      captured.out += text;
      const match = / on (http:\/\/\S+) /.exec(captured.out);
      if (match) listening(match[1]!);
    },
    stderr: (text) => void (captured.err += text),
    env: { ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: registry.tokens.ada, ...env },
    now: () => new Date(),
    stopped,
  };
  const exit = main(["serve", ...argv], io);
  const served = Promise.race([url, exit.then((code) => Promise.reject(new Error(`exited ${code}: ${captured.err}`)))]);
  // a run expected to fail never serves; its exit code is what such a test awaits
  served.catch(() => {});
  return { url: served, exit, stop, captured };
}

test.each([
  // MODEL, served, prediction for x = 2
  ["linear@1", "linear@1", 5],
  ["stage=prod,name=linear", "linear@1", 5],
  ["linear", "linear@2", 20],
])("envelope serve %s serves %s; its predictions are tracked in the registry", async (model, served, y) => {
  const run = serveCli([model, "--port", "0", "--service", "linear-api"]);
  const url = await run.url;
  expect(run.captured.out).toBe(`serving ${served} on ${url} (POST /predict, GET /openapi.json, GET /healthz, GET /metrics)\n`);
  const response = await fetch(`${url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rows: [{ x: 2, plan: "pro" }] }) });
  expect(((await response.json()) as { predictions: unknown }).predictions).toEqual([{ y }]);
  run.stop();
  expect(await run.exit).toBe(0);
  const events = await new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } }).usageEvents();
  expect(events.filter((event) => event.fn === "predict").at(-1)).toMatchObject({ model: served, success: true, user: "ada", team: "churn" });
});

test("a tag query without a match, and an unservable model, exit 1 saying why", async () => {
  const none = serveCli(["name=linear,stage=nowhere", "--port", "0"]);
  expect(await none.exit).toBe(1);
  expect(none.captured.err).toMatch(/^envelope serve: no model version has the tags name=linear,stage=nowhere/);
  const ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
  await ada.save({ name: "no-code", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }] });
  const unservable = serveCli(["no-code@1", "--port", "0"]);
  expect(await unservable.exit).toBe(1);
  expect(unservable.captured.err).toMatch(/^envelope serve: cannot serve no-code@1: it has no custom code/);
});

test.each([
  // flags, message
  [["--max-memory", "8"], "envelope serve: --max-memory 8: expected a whole number from 16 to 1048576"],
  [["--max-queue", "many"], "envelope serve: --max-queue many: expected a whole number from 0"],
])("envelope serve %j is refused, exit 2, naming the flag and what it expects", async (flags, message) => {
  const run = serveCli(["linear@1", "--port", "0", ...flags]);
  expect(await run.exit).toBe(2);
  expect(run.captured.err.split("\n")[0]).toBe(message);
});

test("envelope serve --max-memory and --max-queue reach the service: a worker over 64 MB is replaced and named", { timeout: 60_000 }, async () => {
  const ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
  const leaky = "const kept = []; export function predict(rows) { kept.push(new Array((50 * 1024 * 1024) / 8).fill(1.5)); return rows.map(() => ({ y: kept.length })); }";
  const saved = await ada.save({ name: "leaky", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }], code: servableEnvelope(leaky).context.code! });
  const run = serveCli([`leaky@${saved.version}`, "--port", "0", "--max-memory", "64", "--max-queue", "3"]);
  const url = await run.url;
  const statuses: number[] = [];
  for (let call = 0; call < 5 && !statuses.includes(500); call++) {
    statuses.push((await fetch(`${url}/predict`, { method: "POST", body: JSON.stringify({ rows: [{ x: 1 }] }) })).status);
  }
  run.stop();
  expect(await run.exit).toBe(0);
  expect(statuses.at(-1)).toBe(500);
  expect(run.captured.err).toContain("went over its memory limit (64 MB of JavaScript heap)");
});

test("with ENVELOPE_ALERT_WEBHOOK, a failed prediction's alert is posted and kept in the registry with the webhook's answer", async () => {
  const posted: string[] = [];
  const webhook = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      posted.push((JSON.parse(body) as { text: string }).text);
      response.statusCode = 202;
      response.end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
  try {
    const run = serveCli(["linear@1", "--port", "0", "--service", "alerting-api"], { ENVELOPE_ALERT_WEBHOOK: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook` });
    // the model throws on x = -1: a 500, which alerts
    const response = await fetch(`${await run.url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rows: [{ x: -1, plan: "pro" }] }) });
    expect(response.status).toBe(500);
    run.stop();
    expect(await run.exit).toBe(0);
    expect(posted).toHaveLength(1);
    const { alerts } = await new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } }).dashboard.alerts({ limit: 1 });
    expect(alerts[0]).toMatchObject({ text: posted[0], status: 202, source: "serve", user: "ada", team: "churn" });
  } finally {
    webhook.closeAllConnections();
    await new Promise((resolve) => webhook.close(resolve));
  }
}, 60_000);
