import { expect, test } from "vitest";
import type { Store } from "../../src/store/Store.ts";
import { eachStore, unique } from "../support/eachStore.ts";
import { newModel } from "../support/models.ts";
import { walkPages } from "../support/walkPages.ts";

/**
 * A small known history under a unique `suite` tag: a (3 versions) and b (1), an hour apart,
 * b's v1 between a's v2 and v3. Saved metrics: auc 0.5 on each (newModel); logged later: a1
 * auc 0.7 and loss 0.3 (its latest auc is then 0.7), a3 a roc curve twice (the latest counts),
 * b1 loss 0.1 and a series named like a scalar (`auc`).
 */
async function history(store: Store) {
  const suite = unique("suite");
  const [a, b] = [unique("a"), unique("b")];
  const at = (hour: number) => new Date(Date.UTC(2030, 0, 1, hour)).toISOString();
  const save = (name: string, hour: number, stage: string) => store.saveModel({ ...newModel(name, "t", { suite, stage }), createdAt: at(hour) });
  await save(a, 1, "dev");
  await save(a, 2, "prod");
  await save(b, 3, "prod");
  await save(a, 4, "prod");
  await store.logMetrics(a, 1, [{ name: "auc", kind: "scalar", value: 0.7 }, { name: "loss", kind: "scalar", value: 0.3 }], "t", at(5));
  await store.logMetrics(a, 3, [{ name: "roc", kind: "series", points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }], "t", at(5));
  await store.logMetrics(a, 3, [{ name: "roc", kind: "series", points: [{ x: 0, y: 0 }, { x: 0.5, y: 0.9 }, { x: 1, y: 1 }] }], "t", at(6));
  await store.logMetrics(b, 1, [{ name: "loss", kind: "scalar", value: 0.1 }, { name: "auc", kind: "series", points: [{ x: 0, y: 1 }] }], "t", at(6));
  return { suite, a, b, at };
}

await eachStore("metricQueries", (store, ready) => {
  test.skipIf(!ready())("metric names of the matching versions, scalars and series apart, sorted", async () => {
    const { suite } = await history(store());
    expect(await store().metricNames({ tags: { suite } })).toEqual({ scalar: ["auc", "loss"], series: ["auc", "roc"] });
    expect(await store().metricNames({ tags: { suite, stage: "dev" } })).toEqual({ scalar: ["auc", "loss"], series: [] });
    expect(await store().metricNames({ tags: { suite, stage: "none" } })).toEqual({ scalar: [], series: [] });
  });

  test.skipIf(!ready())("versions with every asked scalar, its latest value, by createdAt, name, version", async () => {
    const { suite, a, b, at } = await history(store());
    const page = await store().versionMetrics({ tags: { suite }, metrics: ["auc"], limit: 100 });
    expect(page.next).toBeNull();
    expect(page.versions.map((row) => [row.name, row.version, row.createdAt, row.metrics])).toEqual([
      [a, 1, at(1), { auc: 0.7 }],
      [a, 2, at(2), { auc: 0.5 }],
      [b, 1, at(3), { auc: 0.5 }],
      [a, 3, at(4), { auc: 0.5 }],
    ]);
    expect(page.versions[0]!.tags).toEqual({ description: "", name: a, owner: "t-user", stage: "dev", suite, team: "t" });
    const both = await store().versionMetrics({ tags: { suite }, metrics: ["auc", "loss"], limit: 100 });
    expect(both.versions.map((row) => [row.name, row.version, row.metrics])).toEqual([
      [a, 1, { auc: 0.7, loss: 0.3 }],
      [b, 1, { auc: 0.5, loss: 0.1 }],
    ]);
    expect((await store().versionMetrics({ tags: { suite, stage: "prod" }, metrics: ["loss"], limit: 100 })).versions.map((row) => row.name)).toEqual([b]);
  });

  test.skipIf(!ready())("pages: following `next` reads every version once, in order", async () => {
    const { suite } = await history(store());
    const { rows: seen } = await walkPages(async (after) => {
      const page = await store().versionMetrics({ tags: { suite }, metrics: ["auc"], limit: 1, ...(after === undefined ? {} : { after }) });
      return { rows: page.versions.map((row) => `${row.name}@${row.version}`), next: page.next };
    });
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect(seen).toEqual((await store().versionMetrics({ tags: { suite }, metrics: ["auc"], limit: 10 })).versions.map((row) => `${row.name}@${row.version}`));
    await expect(store().versionMetrics({ tags: { suite }, metrics: ["auc"], limit: 1, after: "bm90IGEgY3Vyc29y" })).rejects.toMatchObject({ code: "ENVELOPE_INVALID", status: 400 });
  });

  test.skipIf(!ready())("series: the newest versions that logged it, newest first, the latest curve of each", async () => {
    const { suite, a, b } = await history(store());
    const roc = await store().versionSeries({ tags: { suite }, metric: "roc", last: 5 });
    expect(roc.map((row) => [row.name, row.version, row.points])).toEqual([[a, 3, [{ x: 0, y: 0 }, { x: 0.5, y: 0.9 }, { x: 1, y: 1 }]]]);
    expect((await store().versionSeries({ tags: { suite }, metric: "auc", last: 5 })).map((row) => [row.name, row.version])).toEqual([[b, 1]]);
    expect(await store().versionSeries({ tags: { suite }, metric: "loss", last: 5 })).toEqual([]);
  });
});
