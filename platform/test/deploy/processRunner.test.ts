import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { Registry } from "../../src/client/Registry.ts";
import { processRunner } from "../../src/deploy/processRunner.ts";
import { reconcile } from "../../src/deploy/reconcile.ts";
import { startTestRegistry, type TestRegistry } from "../support/startTestRegistry.ts";
import { servableEnvelope } from "../support/servableEnvelope.ts";
import { isAlive as alive } from "../../src/process/isAlive.ts";

let registry: TestRegistry;
let ada: Registry;
beforeAll(async () => {
  registry = await startTestRegistry();
  ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
}, 60_000);
afterAll(() => registry.close());

test("runs each service as an `envelope serve` process, and a restart replaces the old one", { timeout: 90_000 }, async () => {
  const code = servableEnvelope().context.code!;
  const inputs = [{ x: 1, plan: "pro", visits: 1 }];
  const first = await ada.save({ name: "linear", artifact: { slope: 2, intercept: 1 }, inputs, outputs: [{ y: 3 }], code });
  const second = await ada.save({ name: "linear", artifact: { slope: 3, intercept: 0 }, inputs, outputs: [{ y: 3 }], code });
  const rule = await ada.addDeployRule({ service: "linear-api", tags: { name: "linear" } });
  const dir = path.join(registry.dir, "services");
  const runner = processRunner({ dir, env: { ...process.env, ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: registry.tokens.ada } });
  const pidFile = path.join(dir, "linear-api.pid");
  const predictOf = async () => {
    const url = /on (http:\/\/\S+)/.exec(readFileSync(path.join(dir, "linear-api.log"), "utf8"))![1]!;
    const response = await fetch(`${url}/predict`, { method: "POST", body: JSON.stringify({ rows: [{ x: 2, plan: "pro", visits: 1 }] }) });
    return ((await response.json()) as { version: number; predictions: unknown }).predictions;
  };
  let pids: number[] = [];
  try {
    await runner.deploy(rule, first);
    pids.push(Number(readFileSync(pidFile, "utf8")));
    expect(await predictOf()).toEqual([{ y: 5 }]);
    await runner.deploy({ ...rule, running: { name: "linear", version: 1, deployedAt: "" } }, second);
    pids.push(Number(readFileSync(pidFile, "utf8")));
    expect(alive(pids[0]!)).toBe(false);
    expect(await predictOf()).toEqual([{ y: 6 }]);
    // a model that cannot be served: the deploy fails with the service's own message
    await ada.save({ name: "linear", artifact: {}, inputs, outputs: [{ y: 3 }] });
    await expect(runner.deploy(rule, { name: "linear", version: 3 } as never)).rejects.toThrowError(/service linear-api did not start serving linear@3 \(exit code 1\); see .*linear-api\.log: .*cannot serve linear@3: it has no custom code/);
    expect(existsSync(pidFile)).toBe(false);
  } finally {
    pids = pids.filter(alive);
    for (const pid of pids) process.kill(pid, "SIGKILL");
  }
});

test("reconcile restarts a service whose process died, saying so, and leaves a healthy one alone", { timeout: 90_000 }, async () => {
  const code = servableEnvelope().context.code!;
  const inputs = [{ x: 1, plan: "pro", visits: 1 }];
  await ada.save({ name: "sturdy", artifact: { slope: 2, intercept: 1 }, inputs, outputs: [{ y: 3 }], code });
  await ada.addDeployRule({ service: "sturdy-api", tags: { name: "sturdy" } });
  const dir = path.join(registry.dir, "services-reconcile");
  const runner = processRunner({ dir, env: { ...process.env, ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: registry.tokens.ada } });
  const pidFile = path.join(dir, "sturdy-api.pid");
  const pids: number[] = [];
  const predict = async () => {
    const url = readFileSync(path.join(dir, "sturdy-api.url"), "utf8");
    const response = await fetch(`${url}/predict`, { method: "POST", body: JSON.stringify({ rows: [{ x: 2, plan: "pro", visits: 1 }] }) });
    return ((await response.json()) as { predictions: unknown }).predictions;
  };
  const once = async () => (await reconcile({ registry: ada, runner, services: ["sturdy-api"] }))[0];
  try {
    expect(await once()).toMatchObject({ action: "start", to: "sturdy@1" });
    pids.push(Number(readFileSync(pidFile, "utf8")));
    expect(await once()).toEqual({ service: "sturdy-api", action: "keep", from: "sturdy@1", to: "sturdy@1" });
    // the service dies (as V8 aborting it would): the next reconcile finds it dead and restarts it
    process.kill(pids[0]!, "SIGKILL");
    await vi.waitFor(() => expect(alive(pids[0]!)).toBe(false), { timeout: 10_000 });
    expect(await once()).toEqual({ service: "sturdy-api", action: "restart", from: "sturdy@1", to: "sturdy@1", reason: `its process ${pids[0]} is not running` });
    pids.push(Number(readFileSync(pidFile, "utf8")));
    expect(pids[1]).not.toBe(pids[0]);
    expect(await predict()).toEqual([{ y: 5 }]);
    expect((await once())?.action).toBe("keep");
  } finally {
    for (const pid of pids.filter(alive)) process.kill(pid, "SIGKILL");
  }
});
