/**
 * The registry under `bench:ingest`, in its own process: an empty store (the embedded one in
 * `<dir>/data`, or the PostgreSQL server at `[databaseUrl]`) and a token for the client.
 * Arguments: <dir> <token> [databaseUrl]. Prints `READY <url>`.
 */
import path from "node:path";
import { issueToken } from "../src/auth/issueToken.ts";
import { openStore } from "../src/store/openStore.ts";
import { startRegistry } from "../src/server/startRegistry.ts";

const [dir, token, databaseUrl] = process.argv.slice(2);
const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir: path.join(dir!, "data") });
await issueToken(store, { user: "bench", team: "t0" }, token!);
const registry = await startRegistry({ store, artifactsDir: path.join(dir!, "artifacts"), log: () => {} });
process.stdout.write(`READY ${registry.url}\n`);
