import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { openStore, type StoreOptions } from "../../src/store/openStore.ts";
import type { Store } from "../../src/store/Store.ts";
import { startPostgres, type ThrowawayPostgres } from "./startPostgres.ts";
import { tempDir } from "./tempDir.ts";

/** A name unique to one test, so that tests share a PostgreSQL database without cleaning it. */
export const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

/**
 * Runs `suite` once per store: the embedded one (with its tag index) and a throwaway PostgreSQL
 * server (skipped, with a warning, when its binaries are missing). `suite` gets the open store
 * and whether the backend is there (`test.skipIf(!ready())`).
 */
export async function eachStore(file: string, suite: (store: () => Store, ready: () => boolean) => void): Promise<void> {
  const postgres = await startPostgres();
  if ("skip" in postgres) console.warn(`${file}: PostgreSQL cases skipped: ${postgres.skip}`);
  const temp = tempDir();
  afterAll(() => {
    if ("url" in postgres) (postgres as ThrowawayPostgres).stop();
    temp.remove();
  });
  const backends: Array<[string, StoreOptions | undefined]> = [
    ["pglite", { dataDir: path.join(temp.dir, "data") }],
    ["postgres", "url" in postgres ? { databaseUrl: postgres.url } : undefined],
  ];
  describe.each(backends)("%s", (_label, options) => {
    let store: Store | undefined;
    beforeAll(async () => {
      if (options) store = await openStore(options);
    }, 60_000);
    afterAll(async () => {
      await store?.close();
    });
    suite(() => store!, () => options !== undefined);
  });
}
