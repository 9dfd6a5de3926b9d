import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openStore, type StoreOptions } from "../../src/store/openStore.ts";
import type { Store } from "../../src/store/Store.ts";
import { usageReport } from "../../src/usage/usageReport.ts";
import { newModel } from "../support/models.ts";
import { startPostgres, type ThrowawayPostgres } from "../support/startPostgres.ts";
import { tempDir } from "../support/tempDir.ts";

// one contract, three stores: the embedded store with its in-memory tag index (the default),
// the embedded store on plain SQL, and a real PostgreSQL server (skipped when not installed)
const postgres = await startPostgres();
if ("skip" in postgres) console.warn(`storeContract: PostgreSQL cases skipped: ${postgres.skip}`);

const dirs: Array<{ remove: () => void }> = [];
const freshDataDir = () => {
  const temp = tempDir();
  dirs.push(temp);
  return path.join(temp.dir, "data");
};

const backends: Array<[string, () => StoreOptions | undefined]> = [
  ["pglite + index", () => ({ dataDir: freshDataDir() })],
  ["pglite sql", () => ({ dataDir: freshDataDir(), index: false })],
  ["postgres", () => ("url" in postgres ? { databaseUrl: postgres.url } : undefined)],
];

afterAll(() => {
  if ("url" in postgres) (postgres as ThrowawayPostgres).stop();
  for (const dir of dirs) dir.remove();
});

describe.each(backends)("store contract: %s", (_label, options) => {
  const resolved = options();
  let store: Store;
  // names are unique per test so that the shared PostgreSQL database needs no cleaning
  const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    if (resolved) store = await openStore(resolved);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  test.skipIf(!resolved)("numbers versions of a name from 1, and reads latest or a given one", async () => {
    const name = unique("churn");
    const first = await store.saveModel(newModel(name, "a"));
    const second = await store.saveModel(newModel(name, "a"));
    expect([first.version, second.version]).toEqual([1, 2]);
    expect((await store.getModel(name, "latest"))?.version).toBe(2);
    const v1 = await store.getModel(name, 1);
    expect(v1?.version).toBe(1);
    expect(v1?.data.metrics).toEqual([{ name: "auc", kind: "scalar", value: 0.5 }]);
    expect(v1?.tags).toEqual({ description: "", name, owner: "a-user", team: "a" });
    expect(await store.getModel(name, 3)).toBeUndefined();
    expect(await store.getModel(unique("missing"), "latest")).toBeUndefined();
  });

  test.skipIf(!resolved)("concurrent saves of one name get distinct, consecutive versions", async () => {
    const name = unique("race");
    const saved = await Promise.all(Array.from({ length: 20 }, () => store.saveModel(newModel(name, "a"))));
    expect(saved.map((model) => model.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  test.skipIf(!resolved)("another team cannot save, tag or log metrics for a name: 403; absent versions: 404", async () => {
    const name = unique("owned");
    await store.saveModel(newModel(name, "a"));
    await expect(store.saveModel(newModel(name, "b"))).rejects.toMatchObject({ code: "ENVELOPE_FORBIDDEN", message: expect.stringMatching(/belongs to team a; team b cannot/) });
    await expect(store.addTags(name, 1, { stage: "prod" }, "b")).rejects.toMatchObject({ code: "ENVELOPE_FORBIDDEN" });
    await expect(store.logMetrics(name, 1, [{ name: "auc", kind: "scalar", value: 1 }], "b", new Date().toISOString())).rejects.toMatchObject({ code: "ENVELOPE_FORBIDDEN" });
    await expect(store.addTags(name, 9, { stage: "prod" }, "a")).rejects.toMatchObject({ code: "ENVELOPE_NOT_FOUND" });
    // the refused save left no version behind
    expect((await store.getModel(name, "latest"))?.version).toBe(1);
  });

  test.skipIf(!resolved)("finds versions having every tag, newest first, with latest and limit", async () => {
    const suite = unique("suite");
    const [a, b] = [unique("a"), unique("b")];
    await store.saveModel(newModel(a, "t", { suite, region: "us", stage: "prod" }));
    await store.saveModel(newModel(b, "t", { suite, region: "eu", stage: "prod" }));
    await store.saveModel(newModel(a, "t", { suite, region: "us", stage: "prod" }));
    await store.saveModel(newModel(b, "t", { suite, region: "us", stage: "dev" }));
    const names = async (tags: Record<string, string>, latest = false, limit = 50) => (await store.findModels({ tags: { suite, ...tags }, latest, limit })).map((model) => `${model.name === a ? "a" : "b"}${model.version}`);
    expect(await names({ region: "us", stage: "prod" })).toEqual(["a2", "a1"]);
    expect(await names({})).toEqual(["b2", "a2", "b1", "a1"]);
    expect(await names({}, true)).toEqual(["b2", "a2"]);
    expect(await names({ stage: "prod" }, true)).toEqual(["a2"]);
    expect(await names({}, false, 3)).toEqual(["b2", "a2", "b1"]);
    expect(await names({ region: "ap" })).toEqual([]);
    expect(await names({ nosuchkey: "x" })).toEqual([]);
  });

  test.skipIf(!resolved)("unicode tags are stored and found as given", async () => {
    const name = unique("unicode");
    const tags = { city: "Zürich", "区域": "東京", emoji: "🚀 launch" };
    await store.saveModel(newModel(name, "t", tags));
    const [found] = await store.findModels({ tags: { "区域": "東京", emoji: "🚀 launch", name }, latest: false, limit: 5 });
    expect(found?.tags).toMatchObject(tags);
  });

  test.skipIf(!resolved)("re-tagging moves a version between queries", async () => {
    const name = unique("promote");
    await store.saveModel(newModel(name, "t", { stage: "dev" }));
    const updated = await store.addTags(name, "latest", { stage: "prod", owner2: "x" }, "t");
    expect(updated.tags).toMatchObject({ stage: "prod", owner2: "x", name });
    expect(await store.findModels({ tags: { name, stage: "dev" }, latest: false, limit: 5 })).toEqual([]);
    expect((await store.findModels({ tags: { name, stage: "prod" }, latest: false, limit: 5 })).map((model) => model.version)).toEqual([1]);
  });

  test.skipIf(!resolved)("metrics: saved ones first, then logged ones, in order", async () => {
    const name = unique("metrics");
    await store.saveModel(newModel(name, "t"));
    await store.logMetrics(name, 1, [{ name: "roc", kind: "series", points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, { name: "loss", kind: "scalar", value: 0.3, step: 2 }], "t", new Date().toISOString());
    expect((await store.readMetrics(name, "latest"))?.map((metric) => metric.name)).toEqual(["auc", "roc", "loss"]);
    expect(await store.readMetrics(unique("none"), 1)).toBeUndefined();
  });

  test.skipIf(!resolved)("tokens by hash, and usage events by time and team", async () => {
    const hash = unique("hash");
    expect(await store.principalOf(hash)).toBeUndefined();
    await store.saveToken(hash, { user: "ada", team: "churn", admin: false });
    expect(await store.principalOf(hash)).toEqual({ user: "ada", team: "churn", admin: false });
    const team = unique("team");
    const event = (at: string, fn: string) => ({ at, fn, args: [{ name: "x" }], success: fn !== "get", errorClass: null, errorCode: fn === "get" ? "ENVELOPE_NOT_FOUND" : null, errorMessage: null, durationMs: 1.5, user: "ada", team, clientVersion: "0.1.0", model: "x" });
    await store.recordEvents([event("2030-01-01T00:00:00.000Z", "save"), event("2030-01-02T00:00:00.000Z", "get")]);
    const page = await store.readEvents({ since: "2030-01-01T12:00:00.000Z", team, limit: 10 });
    expect(page).toEqual({ events: [event("2030-01-02T00:00:00.000Z", "get")], next: null });
  });

  test.skipIf(!resolved)("usage events: every field comes back as recorded, nulls, quotes and batch order included", async () => {
    const team = unique("team");
    const failed = { at: "2030-01-03T00:00:00.000Z", fn: "get", args: [{ name: 'a "quoted" \\ name', n: 2.5 }, null], success: false, errorClass: "EnvelopeError", errorCode: "ENVELOPE_NOT_FOUND", errorMessage: "no model «x»\nsecond line", durationMs: 0.125, user: "ada", team, clientVersion: "0.1.0", model: null };
    const anonymous = { ...failed, fn: "whoami", args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 0, user: null, model: "x" };
    // two at the same time: the batch's order is the read order
    await store.recordEvents([failed, anonymous, { ...anonymous, fn: "find", args: null }]);
    const page = await store.readEvents({ since: "2030-01-03T00:00:00.000Z", team, limit: 10 });
    expect(page.events).toEqual([failed, anonymous, { ...anonymous, fn: "find", args: null }]);
  });

  test.skipIf(!resolved)("tokens: each has an id; listed without hashes; a use is recorded once a minute; revoked by id or hash", async () => {
    const team = unique("team");
    const [hashA, hashB] = [unique("hash"), unique("hash")];
    const a = await store.saveToken(hashA, { user: "ada", team, admin: false });
    const b = await store.saveToken(hashB, { user: "bob", team, admin: true });
    expect(b.id).toBeGreaterThan(a.id);
    expect(a.createdAt).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    const mine = async () => (await store.listTokens()).filter((token) => token.team === team);
    expect(await mine()).toEqual([
      { id: a.id, user: "ada", team, admin: false, createdAt: a.createdAt, lastUsedAt: null },
      { id: b.id, user: "bob", team, admin: true, createdAt: b.createdAt, lastUsedAt: null },
    ]);
    expect(JSON.stringify(await store.listTokens())).not.toContain(hashA);
    expect(await store.principalOf(hashA, "2030-01-01T00:00:00.000Z")).toEqual({ user: "ada", team, admin: false });
    expect((await mine())[0]?.lastUsedAt).toBe("2030-01-01T00:00:00.000Z");
    // within the minute the row is not written again
    await store.principalOf(hashA, "2030-01-01T00:00:59.000Z");
    expect((await mine())[0]?.lastUsedAt).toBe("2030-01-01T00:00:00.000Z");
    await store.principalOf(hashA, "2030-01-01T00:01:01.000Z");
    expect((await mine())[0]?.lastUsedAt).toBe("2030-01-01T00:01:01.000Z");

    expect(await store.revokeToken({ id: a.id })).toMatchObject({ id: a.id, user: "ada", team });
    expect(await store.principalOf(hashA)).toBeUndefined();
    expect(await store.revokeToken({ hash: hashB })).toMatchObject({ id: b.id, user: "bob", admin: true });
    expect(await store.principalOf(hashB)).toBeUndefined();
    expect(await store.revokeToken({ id: a.id })).toBeUndefined();
    expect(await mine()).toEqual([]);
  });

  test.skipIf(!resolved)("usage events page oldest first by cursor, exactly, ties and microseconds included", async () => {
    const team = unique("team");
    const event = (at: string, fn: string) => ({ at, fn, args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user: "ada", team, clientVersion: "0.1.0", model: null });
    // recorded out of time order, with a tie and two events a microsecond apart
    const ats = ["2030-01-03T00:00:00Z", "2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z", "2030-01-02T00:00:00Z", "2030-01-04T00:00:00.000001Z", "2030-01-04T00:00:00.000002Z"];
    await store.recordEvents(ats.map((at, index) => event(at, `fn${index}`)));
    const read = async (limit: number) => {
      const pages: string[][] = [];
      let after: string | undefined;
      do {
        const page = await store.readEvents({ since: "2030-01-01T12:00:00.000Z", team, limit, ...(after === undefined ? {} : { after }) });
        pages.push(page.events.map((entry) => entry.fn));
        after = page.next ?? undefined;
      } while (after !== undefined && pages.length < 10);
      return pages;
    };
    expect(await read(2)).toEqual([["fn2", "fn3"], ["fn0", "fn4"], ["fn5"]]);
    expect(await read(1)).toEqual([["fn2"], ["fn3"], ["fn0"], ["fn4"], ["fn5"]]);
    expect(await read(5)).toEqual([["fn2", "fn3", "fn0", "fn4", "fn5"]]);
    expect(await read(6)).toEqual([["fn2", "fn3", "fn0", "fn4", "fn5"]]);
  });

  test.skipIf(!resolved)("usage summary in SQL: what usageReport computes over the same events; by function; top N", async () => {
    const team = unique("team");
    const event = (at: string, user: string, fn: string, errorCode: string | null = null, message = `${errorCode} message`) => ({ at, fn, args: [], success: errorCode === null, errorClass: errorCode ? "EnvelopeError" : null, errorCode, errorMessage: errorCode ? message : null, durationMs: 1, user, team, clientVersion: "0.1.0", model: null });
    const events = [
      event("2030-01-01T00:00:00.000Z", "old", "save"),
      event("2030-01-09T00:00:00.000Z", "old", "find"),
      event("2030-01-09T01:00:00.000Z", "ada", "save", "ENVELOPE_INVALID"),
      event("2030-01-09T02:00:00.000Z", "ada", "save"),
      event("2030-01-09T03:00:00.000Z", "bob", "save", "ENVELOPE_INVALID"),
      event("2030-01-09T04:00:00.000Z", "bob", "get", "ENVELOPE_NOT_FOUND"),
      event("2030-01-09T05:00:00.000Z", "bob", "get", "ENVELOPE_NOT_FOUND", "another message"),
      { ...event("2030-01-09T06:00:00.000Z", "cy", "get", null), success: false, errorClass: "TypeError" },
    ];
    await store.recordEvents(events);
    const { days: _days, ...expected } = usageReport(events, { days: 7, now: new Date("2030-01-10T00:00:00.000Z") });
    expect(await store.usageSummary({ since: "2030-01-03T00:00:00.000Z", team, top: 5 })).toEqual(expected);
    expect(expected.topErrors.map((error) => error.error)).toEqual(["ENVELOPE_INVALID", "ENVELOPE_NOT_FOUND", "ENVELOPE_NOT_FOUND", "TypeError"]);
    const saves = await store.usageSummary({ since: "2030-01-03T00:00:00.000Z", team, fn: "save", top: 1 });
    expect(saves).toEqual({
      since: "2030-01-03T00:00:00.000Z",
      newUsers: [{ user: "ada", team, firstSeen: "2030-01-09T01:00:00.000Z" }, { user: "bob", team, firstSeen: "2030-01-09T03:00:00.000Z" }],
      functions: [{ fn: "save", calls: 3, failures: 2, failureRate: 2 / 3 }],
      topErrors: [{ error: "ENVELOPE_INVALID", message: "ENVELOPE_INVALID message", count: 2, users: 2 }],
    });
    expect(await store.usageSummary({ since: "2030-01-03T00:00:00.000Z", team: unique("nobody"), top: 5 })).toEqual({ since: "2030-01-03T00:00:00.000Z", newUsers: [], functions: [], topErrors: [] });
    // a later batch with an earlier call (clients send late): bob is no longer new
    const late = event("2030-01-02T00:00:00.000Z", "bob", "find");
    await store.recordEvents([late]);
    const { days: _again, ...withLate } = usageReport([...events, late], { days: 7, now: new Date("2030-01-10T00:00:00.000Z") });
    expect(await store.usageSummary({ since: "2030-01-03T00:00:00.000Z", team, top: 5 })).toEqual(withLate);
    expect(withLate.newUsers.map((user) => user.user)).toEqual(["ada", "cy"]);
  });

  test.skipIf(!resolved)("deployment rules: one per service, owned by a team, with the model it runs", async () => {
    const service = unique("churn-api");
    const ada = { user: "ada", team: unique("team"), admin: false };
    const rule = await store.saveRule({ service, tags: { stage: "prod", name: "churn" }, port: 8081 }, ada, "2030-01-01T00:00:00.000Z");
    expect(rule).toEqual({ service, tags: { name: "churn", stage: "prod" }, port: 8081, team: ada.team, createdBy: "ada", createdAt: "2030-01-01T00:00:00.000Z", running: null });
    const replaced = await store.saveRule({ service, tags: { name: "churn", stage: "canary" } }, ada, "2030-01-02T00:00:00.000Z");
    expect([replaced.tags, replaced.port]).toEqual([{ name: "churn", stage: "canary" }, null]);
    await expect(store.saveRule({ service, tags: { name: "x" } }, { user: "eve", team: unique("other"), admin: false }, "2030-01-03T00:00:00.000Z")).rejects.toMatchObject({ code: "ENVELOPE_FORBIDDEN" });
    expect(await store.recordDeployment(service, { name: "churn", version: 3 }, ada.team, "2030-01-04T00:00:00.000Z")).toEqual({ name: "churn", version: 3, deployedAt: "2030-01-04T00:00:00.000Z" });
    await store.recordDeployment(service, { name: "churn", version: 4 }, ada.team, "2030-01-05T00:00:00.000Z");
    const listed = (await store.listRules()).find((entry) => entry.service === service);
    expect(listed?.running).toEqual({ name: "churn", version: 4, deployedAt: "2030-01-05T00:00:00.000Z" });
    await expect(store.recordDeployment(unique("none"), { name: "churn", version: 1 }, ada.team, "2030-01-05T00:00:00.000Z")).rejects.toMatchObject({ code: "ENVELOPE_NOT_FOUND" });
  });

  // last: it empties the store the tests above share
  test.skipIf(!resolved)("clear empties everything but tokens: versions number from 1 again, stale tags find nothing", async () => {
    const name = unique("cleared");
    const hash = unique("hash");
    const ada = { user: "ada", team: "a", admin: false };
    const kept = await store.saveToken(hash, ada);
    await store.saveModel(newModel(name, "a", { stage: "prod" }));
    await store.saveModel(newModel(name, "a", { stage: "prod" }));
    await store.logMetrics(name, 1, [{ name: "loss", kind: "scalar", value: 0.3 }], "a", new Date().toISOString());
    await store.recordEvents([{ at: "2030-01-01T00:00:00.000Z", fn: "save", args: [], success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user: "ada", team: "a", clientVersion: "0.1.0", model: name }]);
    await store.saveRule({ service: `${name}-api`, tags: { name } }, ada, "2030-01-01T00:00:00.000Z");
    await store.recordDeployment(`${name}-api`, { name, version: 2 }, "a", "2030-01-01T00:00:00.000Z");

    await store.clear();

    expect(await store.listSummaries()).toEqual([]);
    expect(await store.findModels({ tags: {}, latest: false, limit: 50 })).toEqual([]);
    expect(await store.getModel(name, "latest")).toBeUndefined();
    expect(await store.readMetrics(name, 1)).toBeUndefined();
    expect(await store.readEvents({ since: "1970-01-01T00:00:00.000Z", limit: 10 })).toEqual({ events: [], next: null });
    expect(await store.listRules()).toEqual([]);
    expect(await store.principalOf(hash)).toEqual(ada);
    // token ids go on from where they were: a revoked id never names another token
    expect((await store.saveToken(unique("hash"), ada)).id).toBeGreaterThan(kept.id);
    // the name is free again, for any team, and its first version is 1 with the first row id
    const again = await store.saveModel(newModel(name, "b", { stage: "dev" }));
    expect([again.version, again.id, again.team]).toEqual([1, 1, "b"]);
    expect((await store.findModels({ tags: { name }, latest: false, limit: 50 })).map((model) => [model.version, model.tags["stage"]])).toEqual([[1, "dev"]]);
    expect(await store.findModels({ tags: { name, stage: "prod" }, latest: false, limit: 50 })).toEqual([]);
    expect((await store.readMetrics(name, 1))?.map((metric) => metric.name)).toEqual(["auc"]);
  });
});
