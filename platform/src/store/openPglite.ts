import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Database, Queryable } from "./Database.ts";
import { lockDataDir } from "./lockDataDir.ts";
import { seedDataDir } from "./pgliteTemplate.ts";

/** The embedded Postgres (PGlite, WASM) in a data directory, locked to this process. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    await seedDataDir(dataDir);
    const db = await PGlite.create({ dataDir });
    const adapt = (q: Pick<PGlite, "query">): Queryable => ({ query: async (sql, params) => (await q.query<never>(sql, params)).rows });
    return {
      kind: "pglite",
      ...adapt(db),
      transaction: (work) => db.transaction((tx) => work(adapt(tx))),
      // one simple-protocol message: its statements run as one implicit transaction
      copyThen: async (table, columns, rows, after) => {
        await db.exec(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob';\n${after}`, { blob: new Blob([rows]) });
      },
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
