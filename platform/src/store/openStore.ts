import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { createSqlStore, migrate } from "./createSqlStore.ts";
import type { Database } from "./Database.ts";
import { openPglite } from "./openPglite.ts";
import { openPostgres } from "./openPostgres.ts";
import type { Store, StoreHooks } from "./Store.ts";
import { withModelIndex } from "./withModelIndex.ts";

export interface StoreOptions {
  /** a PostgreSQL connection string; wins over `dataDir` */
  databaseUrl?: string;
  /** the embedded store's data directory (PGlite) */
  dataDir?: string;
  /** serve tag queries from an in-memory index (default: on for the embedded store only) */
  index?: boolean;
  hooks?: StoreHooks;
}

/**
 * Opens the registry's store: PostgreSQL at `databaseUrl`, else the embedded PGlite in `dataDir`;
 * creates the tables when missing.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  let db: Database;
  if (options.databaseUrl) db = await openPostgres(options.databaseUrl);
  else if (options.dataDir) db = await openPglite(options.dataDir);
  else throw new EnvelopeError("ENVELOPE_CONFIG", "no store configured: expected `databaseUrl` (DATABASE_URL) or `dataDir` (the embedded store's data directory)");
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw new EnvelopeError("ENVELOPE_STORE", `could not prepare the ${db.kind} store: ${(error as Error).message}`, { cause: error });
  }
  const store = createSqlStore(db, options.hooks);
  return (options.index ?? db.kind === "pglite") ? withModelIndex(store) : store;
}
