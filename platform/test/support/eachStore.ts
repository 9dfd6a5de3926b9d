import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe } from "vitest";
import { openStore, type StoreOptions } from "../../src/store/openStore.ts";
import type { Store } from "../../src/store/Store.ts";
import { throwawayBackends } from "./throwawayBackends.ts";

/** A name unique to one test, so that tests share a PostgreSQL database without cleaning it. */
export const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

/**
 * Runs `suite` once per store: the embedded one (with its tag index) and a throwaway PostgreSQL
 * server (skipped, with a warning, when its binaries are missing). `suite` gets the open store
 * and whether the backend is there (`test.skipIf(!ready())`).
 */
export async function eachStore(file: string, suite: (store: () => Store, ready: () => boolean) => void): Promise<void> {
  const { dataDir, postgresUrl } = await throwawayBackends(file);
  const backends: Array<[string, StoreOptions | undefined]> = [
    ["pglite", { dataDir }],
    ["postgres", postgresUrl === undefined ? undefined : { databaseUrl: postgresUrl }],
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
