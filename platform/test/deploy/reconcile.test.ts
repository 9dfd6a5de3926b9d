import { afterAll, beforeAll, expect, test } from "vitest";
import { Registry } from "../../src/client/Registry.ts";
import type { DeployRule } from "../../src/deploy/DeployRule.ts";
import { formatReconcileReport } from "../../src/deploy/formatReconcileReport.ts";
import { reconcile } from "../../src/deploy/reconcile.ts";
import type { ServiceRunner } from "../../src/deploy/ServiceRunner.ts";
import type { ModelSummary } from "../../src/envelope/Envelope.ts";
import { startTestRegistry, type TestRegistry } from "../support/startTestRegistry.ts";

let registry: TestRegistry;
let ada: Registry;
beforeAll(async () => {
  registry = await startTestRegistry();
  ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
}, 60_000);
afterAll(() => registry.close());

/** A runner that records what it was asked to do, and fails for the services named. */
function recordingRunner(failing: string[] = []): ServiceRunner & { calls: string[]; check?: ServiceRunner["check"] } {
  const calls: string[] = [];
  return {
    calls,
    async deploy(rule: DeployRule, model: ModelSummary) {
      calls.push(`${rule.service} ${rule.running ? `${rule.running.name}@${rule.running.version}` : "-"} -> ${model.name}@${model.version}`);
      if (failing.includes(rule.service)) throw new Error("port 8081 is in use");
    },
  };
}

const save = (name: string, tags: Record<string, string>) => ada.save({ name, artifact: { slope: 2 }, inputs: [{ x: 1 }], outputs: [{ y: 2 }], tags });

test("starts, then restarts on a newer match, then changes nothing; the registry lists what runs", async () => {
  await save("churn", { stage: "prod" });
  await save("churn", { stage: "staging" });
  await ada.addDeployRule({ service: "churn-api", tags: { name: "churn", stage: "prod" } });
  await ada.addDeployRule({ service: "fraud-api", tags: { name: "fraud" } });

  const runner = recordingRunner();
  const first = await reconcile({ registry: ada, runner });
  expect(first).toEqual([
    { service: "churn-api", action: "start", from: null, to: "churn@1" },
    { service: "fraud-api", action: "none", from: null, to: null },
  ]);
  expect(formatReconcileReport(first)).toBe("churn-api  started     churn@1\nfraud-api  no match    no model has the rule's tags");

  await ada.tag("churn", 2, { stage: "prod" });
  const second = await reconcile({ registry: ada, runner });
  expect(second[0]).toEqual({ service: "churn-api", action: "restart", from: "churn@1", to: "churn@2" });
  expect(formatReconcileReport(second).split("\n")[0]).toBe("churn-api  restarted   churn@1 -> churn@2");

  expect((await reconcile({ registry: ada, runner })).map((change) => change.action)).toEqual(["keep", "none"]);
  expect(runner.calls).toEqual(["churn-api - -> churn@1", "churn-api churn@1 -> churn@2"]);
  const rules = await ada.deployRules();
  expect(rules.map((rule) => [rule.service, rule.team, rule.createdBy, rule.running && `${rule.running.name}@${rule.running.version}`])).toEqual([
    ["churn-api", "churn", "ada", "churn@2"],
    ["fraud-api", "churn", "ada", null],
  ]);
});

test("a service that fails to deploy is reported, keeps its model, and does not stop the others", async () => {
  await save("ltv", { stage: "prod" });
  await ada.addDeployRule({ service: "ltv-api", tags: { name: "ltv", stage: "prod" } });
  await ada.addDeployRule({ service: "ltv-shadow", tags: { name: "ltv" } });
  const changes = await reconcile({ registry: ada, runner: recordingRunner(["ltv-api"]) });
  expect(changes.filter((change) => change.service.startsWith("ltv"))).toEqual([
    { service: "ltv-api", action: "failed", from: null, to: "ltv@1", error: "port 8081 is in use" },
    { service: "ltv-shadow", action: "start", from: null, to: "ltv@1" },
  ]);
  const rules = await ada.deployRules();
  expect(rules.find((rule) => rule.service === "ltv-api")?.running).toBeNull();
});

test("rules are checked, and another team's service cannot be changed", async () => {
  await expect(ada.addDeployRule({ service: "../x", tags: {} })).rejects.toThrowError(expect.objectContaining({ code: "ENVELOPE_INVALID", problems: [expect.objectContaining({ path: "service" }), expect.objectContaining({ path: "tags", expected: "1 to 50 tags to match" })] }));
  const grace = new Registry({ url: registry.url, token: registry.tokens.grace, tracking: { sink: "none" } });
  await expect(grace.addDeployRule({ service: "churn-api", tags: { name: "mine" } })).rejects.toThrowError(expect.objectContaining({ code: "ENVELOPE_FORBIDDEN", status: 403 }));
  await expect(grace.recordDeployment("churn-api", { name: "churn", version: 1 })).rejects.toThrowError(expect.objectContaining({ code: "ENVELOPE_FORBIDDEN" }));
  await expect(ada.recordDeployment("nope-api", { name: "churn", version: 1 })).rejects.toThrowError(/no deployment rule for service nope-api/);
  expect(formatReconcileReport([])).toMatch(/^no deployment rules; add one with `envelope deploy-rule add/);
});

test("a service already on its match is checked: a dead one is restarted on it with the reason, a healthy one left alone, a failing check reported", async () => {
  await save("nba", { stage: "prod" });
  for (const service of ["nba-a", "nba-b", "nba-c"]) await ada.addDeployRule({ service, tags: { name: "nba", stage: "prod" } });
  const runner = recordingRunner();
  expect((await reconcile({ registry: ada, runner, services: ["nba-a", "nba-b", "nba-c"] })).map((change) => change.action)).toEqual(["start", "start", "start"]);
  const checked: string[] = [];
  runner.check = async (rule) => {
    checked.push(`${rule.service} ${rule.running.name}@${rule.running.version}`);
    if (rule.service === "nba-c") throw new Error("cannot read the pid file");
    return rule.service === "nba-a" ? "its process 4242 is not running" : undefined;
  };
  const changes = await reconcile({ registry: ada, runner, services: ["nba-a", "nba-b", "nba-c"] });
  expect(changes).toEqual([
    { service: "nba-a", action: "restart", from: "nba@1", to: "nba@1", reason: "its process 4242 is not running" },
    { service: "nba-b", action: "keep", from: "nba@1", to: "nba@1" },
    { service: "nba-c", action: "failed", from: "nba@1", to: "nba@1", error: "cannot read the pid file" },
  ]);
  expect(checked).toEqual(["nba-a nba@1", "nba-b nba@1", "nba-c nba@1"]);
  expect(runner.calls.slice(-1)).toEqual(["nba-a nba@1 -> nba@1"]);
  expect(formatReconcileReport(changes).split("\n")[0]).toBe("nba-a  restarted   nba@1 (it was down: its process 4242 is not running)");
});
