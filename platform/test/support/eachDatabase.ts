import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import type { Database } from "../../src/store/Database.ts";
import { migrate } from "../../src/store/createSqlStore.ts";
import { openPglite } from "../../src/store/openPglite.ts";
import { openPostgres } from "../../src/store/openPostgres.ts";
import { startPostgres, type ThrowawayPostgres } from "./startPostgres.ts";
import { tempDir } from "./tempDir.ts";

/**
 * Runs `suite` once per backend over a migrated database rather than a store, for tests that
 * write rows straight into its tables: the embedded one and a throwaway PostgreSQL server
 * (skipped, with a warning, when its binaries are missing). `suite` gets the database, undefined
 * where the backend is missing (`if (!db()) return context.skip()`).
 */
export async function eachDatabase(file: string, suite: (db: () => Database | undefined) => void): Promise<void> {
  const postgres = await startPostgres();
  if ("skip" in postgres) console.warn(`${file}: PostgreSQL cases skipped: ${postgres.skip}`);
  const temp = tempDir();
  afterAll(() => {
    if ("url" in postgres) (postgres as ThrowawayPostgres).stop();
    temp.remove();
  });
  const backends: Array<[string, () => Promise<Database> | undefined]> = [
    ["pglite", () => openPglite(path.join(temp.dir, "data"))],
    ["postgres", () => ("url" in postgres ? openPostgres(postgres.url) : undefined)],
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
