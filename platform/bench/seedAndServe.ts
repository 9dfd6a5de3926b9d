/**
 * The registry under benchmark, in its own process (so that the load generator does not share its
 * event loop): seeds `count` model versions straight into the embedded store, then serves.
 * Arguments: <dir> <token> <count>. Prints `SEEDED <ms>` and `READY <url>`.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { issueToken } from "../src/auth/issueToken.ts";
import { openStore } from "../src/store/openStore.ts";
import { startRegistry } from "../src/server/startRegistry.ts";
import { benchTags } from "./benchTags.ts";

const [dir, token, countText] = process.argv.slice(2);
const count = Number(countText);
const store = await openStore({ dataDir: path.join(dir!, "data") });
await issueToken(store, { user: "bench", team: "t0" }, token!);
const started = performance.now();
const artifact = { mediaType: "application/json", size: 2, sha256: createHash("sha256").update("{}").digest("hex") };
const shape = { inputs: [{ name: "x", type: "number" as const, nullable: false }], outputs: [{ name: "y", type: "number" as const, nullable: false }] };
// saves queue on the store's transaction lock anyway; a few in flight keep it busy
const inFlight = new Set<Promise<unknown>>();
for (let index = 0; index < count; index++) {
  const { name, team, tags } = benchTags(index);
  const saving = store.saveModel({ name, owner: `${team}-user`, team, description: "", createdAt: new Date().toISOString(), tags, shape, context: { node: process.version, packages: {} }, features: {}, metrics: [], artifact });
  inFlight.add(saving);
  void saving.finally(() => inFlight.delete(saving));
  if (inFlight.size >= 8) await Promise.race(inFlight);
}
await Promise.all(inFlight);
process.stdout.write(`SEEDED ${Math.round(performance.now() - started)}\n`);
const registry = await startRegistry({ store, artifactsDir: path.join(dir!, "artifacts") });
process.stdout.write(`READY ${registry.url}\n`);
