import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { RunInput } from "../../src/runs/BatchRun.ts";
import { openStore } from "../../src/store/openStore.ts";
import { decodeRunCursor, encodeRunCursor } from "../../src/store/runQueries.ts";
import { newModel } from "../support/models.ts";
import { startPostgres, type ThrowawayPostgres } from "../support/startPostgres.ts";
import { tempDir } from "../support/tempDir.ts";

const postgres = await startPostgres();
if ("skip" in postgres) console.warn(`runQueries: PostgreSQL cases skipped: ${postgres.skip}`);
const temp = tempDir();
afterAll(() => {
  if ("url" in postgres) (postgres as ThrowawayPostgres).stop();
  temp.remove();
});

const ada = { user: "ada", team: "churn", admin: false };
const run: RunInput = { status: "failed", inputs: ["a.parquet", "it's \"quoted\".csv"], output: "out", rowsIn: 10, rowsOut: 0, rowsSkipped: 0, durationMs: 0.25, startedAt: "2030-01-01T01:00:00+01:00", drift: { "odd \"field\"": 2 }, error: { code: "ENVELOPE_MODEL_FAILED", message: "boom" }, shard: "1/3" };

test("a run cursor is opaque and only what encodeRunCursor made decodes", () => {
  expect(decodeRunCursor(encodeRunCursor(42))).toBe(42);
  expect(decodeRunCursor("42")).toBeUndefined();
  expect(decodeRunCursor(Buffer.from("run|x").toString("base64url"))).toBeUndefined();
});

describe.each([
  ["pglite", () => ({ dataDir: path.join(temp.dir, "data"), index: false })],
  ["postgres", () => ("url" in postgres ? { databaseUrl: postgres.url } : undefined)],
])("batch runs in the store: %s", (_label, options) => {
  const resolved = options();

  test.skipIf(!resolved)("a run comes back as recorded, startedAt in UTC; a version never saved records nothing; clear empties runs", async () => {
    const store = await openStore(resolved!);
    try {
      const name = `runs-${randomUUID().slice(0, 8)}`;
      await store.saveModel(newModel(name, "churn"));
      const recorded = await store.recordRun(name, 1, run, ada, "2030-01-01T00:00:05.000Z");
      expect(recorded).toEqual({ ...run, startedAt: "2030-01-01T00:00:00.000Z", id: expect.any(Number), name, version: 1, user: "ada", team: "churn", recordedAt: "2030-01-01T00:00:05.000Z" });
      await expect(store.recordRun(name, 2, run, ada, "2030-01-01T00:00:05.000Z")).rejects.toMatchObject({ code: "ENVELOPE_NOT_FOUND" });
      expect(await store.listRuns({ name, limit: 10 })).toEqual({ runs: [recorded], next: null });
      await expect(store.listRuns({ name, limit: 10, cursor: "nonsense" })).rejects.toMatchObject({ code: "ENVELOPE_INVALID" });
      if (store.kind === "pglite") {
        await store.clear();
        expect((await store.listRuns({ name, limit: 10 })).runs).toEqual([]);
      }
    } finally {
      await store.close();
    }
  }, 60_000);
});
