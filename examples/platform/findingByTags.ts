import { Registry } from "@envelope/platform";

async function saveFleet(registry: Registry) {
  const fleet = [
    { name: "demand-us", tags: { fleet: "demand", region: "us", stage: "prod" } },
    { name: "demand-eu", tags: { fleet: "demand", region: "eu", stage: "prod" } },
    { name: "demand-us-canary", tags: { fleet: "demand", region: "us", stage: "dev" } },
    { name: "demand-us", tags: { fleet: "demand", region: "us", stage: "prod" } },
  ];
  for (const { name, tags } of fleet) await registry.save({ name, artifact: { w: [1] }, inputs: [{ day: 1 }], outputs: [{ units: 3 }], tags });
}

/**
 * Find versions by tags: every tag must match, newest first.
 * @example platform.find-by-tags
 * @expect
 * demand-us v2
 * demand-us v1
 */
export async function findByTags() {
  const registry = Registry.fromEnv();
  await saveFleet(registry); // hide
  const found = await registry.find({ fleet: "demand", region: "us", stage: "prod" });
  for (const model of found) console.log(`${model.name} v${model.version}`);
}

/**
 * `latest` keeps only each name's last version; base tags like `team` work as any tag.
 * @example platform.find-latest
 * @expect
 * supply-us v1 (dev)
 * supply-eu v2 (prod)
 */
export async function findLatest() {
  const registry = Registry.fromEnv();
  for (const [name, stage] of [["supply-eu", "prod"], ["supply-eu", "prod"], ["supply-us", "dev"]] as const) { // hide
    await registry.save({ name, artifact: { w: [1] }, inputs: [{ day: 1 }], outputs: [{ units: 3 }], tags: { fleet: "supply", stage } }); // hide
  } // hide
  const found = await registry.find({ fleet: "supply", team: "churn" }, { latest: true });
  for (const model of found) console.log(`${model.name} v${model.version} (${model.tags["stage"]})`);
}

/**
 * Tags are strings in any script. Add or change a version's tags after saving: promote it.
 * @example platform.tag-model
 * @expect
 * before: stage=dev, city=Zürich
 * after: stage=prod, city=Zürich
 * found in prod: rides-zurich v1
 */
export async function tagModel() {
  const registry = Registry.fromEnv();
  const saved = await registry.save({ name: "rides-zurich", artifact: { w: [1] }, inputs: [{ hour: 8 }], outputs: [{ rides: 120 }], tags: { stage: "dev", city: "Zürich" } });
  console.log(`before: stage=${saved.tags["stage"]}, city=${saved.tags["city"]}`);
  const promoted = await registry.tag("rides-zurich", saved.version, { stage: "prod" });
  console.log(`after: stage=${promoted.tags["stage"]}, city=${promoted.tags["city"]}`);
  const [found] = await registry.find({ city: "Zürich", stage: "prod" });
  console.log(`found in prod: ${found?.name} v${found?.version}`);
}
