/**
 * The registry under `bench:dashboard`, in its own process: seeds a store with `seedDashboard`
 * (bulk SQL, straight into the tables), then serves it. Arguments: <dir> <token> <versions>
 * <metrics> <events> [databaseUrl]; the embedded store in <dir>/data without a URL. Prints
 * `READY <url>`.
 */
import path from "node:path";
import { issueToken } from "../src/auth/issueToken.ts";
import { migrate } from "../src/store/createSqlStore.ts";
import { openPglite } from "../src/store/openPglite.ts";
import { openPostgres } from "../src/store/openPostgres.ts";
import { startRegistry } from "../src/server/startRegistry.ts";
import { seedDashboard } from "./seedDashboard.ts";

const [dir, token, versions, metrics, events, databaseUrl] = process.argv.slice(2);
const dataDir = path.join(dir!, "data");
const db = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(dataDir);
await migrate(db);
await seedDashboard(db, { versions: Number(versions), metrics: Number(metrics), events: Number(events), now: new Date() });
// a PostgreSQL server gathers statistics by itself (autovacuum) some time after a bulk load;
// gather them now, as a registry that has run a while has them. PGlite has no autovacuum:
// it runs without, as the embedded registry does
if (databaseUrl) await db.query("ANALYZE");
await db.close();
const registry = await startRegistry({ store: databaseUrl ? { databaseUrl } : { dataDir }, artifactsDir: path.join(dir!, "artifacts"), log: () => {} });
await issueToken(registry.store, { user: "bench", team: "platform", admin: true }, token!);
process.stdout.write(`READY ${registry.url}\n`);
