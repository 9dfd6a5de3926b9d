import { fileURLToPath } from "node:url";
import { formatReconcileReport, inProcessRunner, reconcile, Registry } from "@envelope/platform";

/**
 * A deployment rule says which model a service runs: the newest version with every tag of the
 * rule (`envelope deploy-rule add --service retention-api --tags name=retention,stage=prod`).
 * @example deploy.add-rule
 * @expect
 * retention-api runs the newest model with name=retention, stage=prod (team churn, by ada)
 * running: nothing yet
 */
export async function addRule() {
  const registry = Registry.fromEnv();
  const rule = await registry.addDeployRule({ service: "retention-api", tags: { name: "retention", stage: "prod" } });
  const tags = Object.entries(rule.tags).map(([key, value]) => `${key}=${value}`).join(", ");
  console.log(`${rule.service} runs the newest model with ${tags} (team ${rule.team}, by ${rule.createdBy})`);
  console.log(`running: ${rule.running ? `${rule.running.name}@${rule.running.version}` : "nothing yet"}`);
}

/**
 * `reconcile` starts the services whose rule matches a model they do not run yet, restarts those
 * whose rule now matches a newer one, and records in the registry what each runs. A runner does
 * the starting: `envelope reconcile` runs `envelope serve` processes; here `inProcessRunner`
 * serves in this process.
 * @example deploy.reconcile
 * @timeout 30000
 * @expect
 * upsell-api  started     upsell@1
 * upsell-api  restarted   upsell@1 -> upsell@2
 * upsell-api  unchanged   upsell@2
 * the registry says upsell-api runs upsell@2
 * upsell-api answers from version 2
 */
export async function reconcileRules() {
  const registry = Registry.fromEnv();
  await registry.addDeployRule({ service: "upsell-api", tags: { name: "upsell", stage: "prod" } });
  const upsell = {
    name: "upsell",
    artifact: { weights: { tenure: -0.08, monthly: 0.03, basic: 0.6 }, bias: -0.5 },
    inputs: [{ tenure: 2, monthly: 89.9, plan: "basic" }, { tenure: 60, monthly: 15, plan: "pro" }],
    outputs: [{ churn: true, probability: 0.9 }],
    code: fileURLToPath(new URL("./models/churnScore.ts", import.meta.url)),
    tags: { stage: "prod" },
  };
  await registry.save(upsell);
  const runner = inProcessRunner(registry);
  try {
    console.log(formatReconcileReport(await reconcile({ registry, runner, services: ["upsell-api"] })));
    // a newer version gets the tags: the next reconcile (cron, in production) restarts the service
    await registry.save(upsell);
    console.log(formatReconcileReport(await reconcile({ registry, runner, services: ["upsell-api"] })));
    console.log(formatReconcileReport(await reconcile({ registry, runner, services: ["upsell-api"] })));
    const rule = (await registry.deployRules()).find((entry) => entry.service === "upsell-api")!;
    console.log(`the registry says ${rule.service} runs ${rule.running?.name}@${rule.running?.version}`);
    const service = runner.services.get("upsell-api")!;
    const response = await fetch(`${service.url}/predict`, { method: "POST", body: JSON.stringify({ rows: [{ tenure: 3, monthly: 70, plan: "basic" }] }) });
    console.log(`upsell-api answers from version ${((await response.json()) as { version: number }).version}`);
  } finally {
    await runner.close();
  }
}

/**
 * `reconcile` also checks that each service already on its match is alive and healthy (for
 * `envelope reconcile`: its process runs, and `GET /healthz` answers 200 for its model within
 * 5 s). One that is not is restarted on its model, and the report says why.
 * @example deploy.reconcile-dead
 * @timeout 30000
 * @expect
 * winback-api  started     winback@1
 * winback-api  restarted   winback@1 (it was down: GET http://127.0.0.1:{...}/healthz failed: connect ECONNREFUSED 127.0.0.1:{...})
 * winback-api  unchanged   winback@1
 * winback-api answers from version 1
 */
export async function reconcileDeadService() {
  const registry = Registry.fromEnv();
  await registry.addDeployRule({ service: "winback-api", tags: { name: "winback" } });
  await registry.save({
    name: "winback",
    artifact: { weights: { tenure: -0.08, monthly: 0.03, basic: 0.6 }, bias: -0.5 },
    inputs: [{ tenure: 2, monthly: 89.9, plan: "basic" }, { tenure: 60, monthly: 15, plan: "pro" }],
    outputs: [{ churn: true, probability: 0.9 }],
    code: fileURLToPath(new URL("./models/churnScore.ts", import.meta.url)),
  });
  const runner = inProcessRunner(registry);
  try {
    console.log(formatReconcileReport(await reconcile({ registry, runner, services: ["winback-api"] })));
    // the service goes down (a crash, a kill): the next reconcile finds it and starts it again
    await runner.services.get("winback-api")!.close();
    console.log(formatReconcileReport(await reconcile({ registry, runner, services: ["winback-api"] })));
    console.log(formatReconcileReport(await reconcile({ registry, runner, services: ["winback-api"] })));
    const response = await fetch(`${runner.services.get("winback-api")!.url}/predict`, { method: "POST", body: JSON.stringify({ rows: [{ tenure: 3, monthly: 70, plan: "basic" }] }) });
    console.log(`winback-api answers from version ${((await response.json()) as { version: number }).version}`);
  } finally {
    await runner.close();
  }
}
