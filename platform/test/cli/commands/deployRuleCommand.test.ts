import { afterAll, beforeAll, expect, test } from "vitest";
import type { CliIo } from "../../../src/cli/CliIo.ts";
import { reconcileCommand } from "../../../src/cli/commands/reconcileCommand.ts";
import { main } from "../../../src/cli/main.ts";
import { Registry } from "../../../src/client/Registry.ts";
import type { ServiceRunner } from "../../../src/deploy/ServiceRunner.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
}, 60_000);
afterAll(() => registry.close());

function io(): CliIo & { out: string; err: string } {
  const captured = { out: "", err: "" };
  return Object.assign(captured, { stdout: (text: string) => (captured.out += text), stderr: (text: string) => (captured.err += text), env: { ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: registry.tokens.ada }, now: () => new Date() });
}

test("deploy-rule add and list, then reconcile with a runner that fails one service", async () => {
  const ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
  await ada.save({ name: "churn", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }], tags: { stage: "prod" } });
  const add = io();
  expect(await main(["deploy-rule", "add", "--service", "churn-api", "--tags", "name=churn, stage=prod", "--port", "8081"], add)).toBe(0);
  expect(add.out).toBe("rule for churn-api: the newest model with name=churn,stage=prod on port 8081\n");
  expect(await main(["deploy-rule", "add", "--service", "churn-canary", "--tags", "name=churn"], io())).toBe(0);

  const runner: ServiceRunner = {
    async deploy(rule) {
      if (rule.service === "churn-canary") throw new Error("no free port");
    },
  };
  const reconciled = io();
  expect(await reconcileCommand({}, reconciled, runner)).toBe(1);
  expect(reconciled.out).toBe("churn-api     started     churn@1\nchurn-canary  FAILED      churn@1: no free port\n");

  const list = io();
  expect(await main(["deploy-rule", "list"], list)).toBe(0);
  expect(list.out).toMatch(/^churn-api  name=churn,stage=prod  runs churn@1 since \d{4}-\d\d-\d\dT[\d:.]+Z\nchurn-canary  name=churn  runs nothing yet\n$/);

  const json = io();
  expect(await reconcileCommand({ json: true, service: "churn-api" }, json, runner)).toBe(0);
  expect(JSON.parse(json.out)).toEqual([{ service: "churn-api", action: "keep", from: "churn@1", to: "churn@1" }]);
});
