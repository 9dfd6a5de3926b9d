import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { issueToken, Registry, startRegistry } from "@envelope/platform";

/**
 * Connect with the registry's URL and your token (here from ENVELOPE_REGISTRY_URL and
 * ENVELOPE_TOKEN) and check who the token says you are.
 * @example platform.connect
 * @expect
 * connected as ada (team churn)
 */
export async function connect() {
  const registry = Registry.fromEnv();
  const me = await registry.whoami();
  console.log(`connected as ${me.user} (team ${me.team})`);
}

/**
 * Saving a model is one call: the artifact (here, logistic regression weights as JSON) and a
 * few sample rows. The platform derives the shape and summary statistics, captures the context
 * and tags the version with its name, description, owner and team.
 * @example platform.first-save
 * @expect
 * saved churn-starter v1
 * tags: description=Predicts churn from tenure and plan, name=churn-starter, owner=ada, region=us, team=churn
 */
export async function firstSave() {
  const registry = Registry.fromEnv();
  const saved = await registry.save({
    name: "churn-starter",
    description: "Predicts churn from tenure and plan",
    artifact: { weights: [0.8, -1.2], bias: 0.1 },
    inputs: [
      { tenure: 3, plan: "basic" },
      { tenure: 24, plan: "pro" },
    ],
    outputs: [{ churn: 0.71 }, { churn: 0.08 }],
    tags: { region: "us" },
  });
  console.log(`saved ${saved.name} v${saved.version}`);
  console.log(`tags: ${Object.entries(saved.tags).map(([key, value]) => `${key}=${value}`).join(", ")}`);
}

/**
 * A registry for your own tests, in-process: an embedded store in a temporary folder, a token,
 * and `reset()` between tests, which empties the store and the artifacts (issued tokens stay
 * valid), so that every test sees a fresh registry without paying for a new one.
 * @example platform.test-registry
 * @expect
 * saved scorer v1
 * saved scorer v2
 * after reset: saved scorer v1
 */
export async function testRegistry() {
  const folder = mkdtempSync(path.join(tmpdir(), "envelope-test-"));
  const server = await startRegistry({
    store: { dataDir: path.join(folder, "data") },
    artifactsDir: path.join(folder, "artifacts"),
    log: () => {},
  });
  const token = await issueToken(server.store, { user: "ci", team: "qa" });
  const registry = new Registry({ url: server.url, token, tracking: { sink: "none" } });
  const save = () => registry.save({ name: "scorer", artifact: { weights: [1] }, inputs: [{ x: 1 }], outputs: [{ y: 1 }] });
  try {
    for (let test = 0; test < 2; test++) console.log(`saved scorer v${(await save()).version}`);
    await server.reset();
    console.log(`after reset: saved scorer v${(await save()).version}`);
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true }); // hide
  }
}
