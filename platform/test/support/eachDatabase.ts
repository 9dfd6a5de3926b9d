import { afterAll, beforeAll, describe } from "vitest";
import type { Database } from "../../src/store/Database.ts";
import { migrate } from "../../src/store/createSqlStore.ts";
import { openPglite } from "../../src/store/openPglite.ts";
import { openPostgres } from "../../src/store/openPostgres.ts";
import { throwawayBackends } from "./throwawayBackends.ts";

/**
 * Runs `suite` once per backend over a migrated database rather than a store, for tests that
 * write rows straight into its tables: the embedded one and a throwaway PostgreSQL server
 * (skipped, with a warning, when its binaries are missing). `suite` gets the database, undefined
 * where the backend is missing (`if (!db()) return context.skip()`).
 */
export async function eachDatabase(file: string, suite: (db: () => Database | undefined) => void): Promise<void> {
  const { dataDir, postgresUrl } = await throwawayBackends(file);
  const backends: Array<[string, () => Promise<Database> | undefined]> = [
    ["pglite", () => openPglite(dataDir)],
    ["postgres", () => (postgresUrl === undefined ? undefined : openPostgres(postgresUrl))],
  ];
  describe.each(backends)("%s", (_label, open) => {
    let db: Database | undefined;
    beforeAll(async () => {
      db = await open();
      if (db) await migrate(db);
    }, 60_000);
    afterAll(() => db?.close());
    suite(() => db);
  });
}
