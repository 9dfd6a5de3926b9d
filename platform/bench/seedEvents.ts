/**
 * The registry under `bench:usage`, in its own process (so that its memory is its own): records
 * `count` usage events straight into the embedded store, in batches as clients send them, then
 * serves. Arguments: <dir> <token> <count>. Prints `SEEDED <ms>` and `READY <url> <pid>`.
 */
import path from "node:path";
import { issueToken } from "../src/auth/issueToken.ts";
import { openStore } from "../src/store/openStore.ts";
import { startRegistry } from "../src/server/startRegistry.ts";
import type { UsageEvent } from "../src/tracking/UsageEvent.ts";

const [dir, token, countText] = process.argv.slice(2);
const count = Number(countText);
const store = await openStore({ dataDir: path.join(dir!, "data") });
await issueToken(store, { user: "bench", team: "platform", admin: true }, token!);
const fns = ["save", "get", "find", "tag", "logMetrics", "metrics", "artifact", "whoami"];
const errors = [["ENVELOPE_NOT_FOUND", "GET /v1/models/gone/versions/latest: 404 ENVELOPE_NOT_FOUND: model gone version latest not found"], ["ENVELOPE_INVALID", "POST /v1/models/churn: 422 ENVELOPE_INVALID: the envelope has 1 problem"], ["ENVELOPE_FORBIDDEN", "model churn belongs to team a; team b cannot save a version of it"]];
// events spread over 30 days up to now, 200 users in 10 teams, one call in 20 failing
const end = Date.now();
const event = (index: number): UsageEvent => {
  const user = index % 200;
  const failed = index % 20 === 7 ? errors[index % errors.length]! : null;
  return {
    at: new Date(end - 30 * 86_400_000 + Math.floor((index / count) * 30 * 86_400_000)).toISOString(),
    fn: fns[(index * 7) % fns.length]!,
    args: [{ name: `model-${index % 50}` }, { stage: "prod" }],
    success: failed === null,
    errorClass: failed ? "EnvelopeError" : null,
    errorCode: failed?.[0] ?? null,
    errorMessage: failed?.[1] ?? null,
    durationMs: 1 + (index % 40),
    user: `user-${user}`,
    team: `team-${user % 10}`,
    clientVersion: "0.1.0",
    model: `model-${index % 50}`,
  };
};
const started = performance.now();
for (let first = 0; first < count; first += 1000) {
  await store.recordEvents(Array.from({ length: Math.min(1000, count - first) }, (_, offset) => event(first + offset)));
}
process.stdout.write(`SEEDED ${Math.round(performance.now() - started)}\n`);
const registry = await startRegistry({ store, artifactsDir: path.join(dir!, "artifacts") });
process.stdout.write(`READY ${registry.url} ${process.pid}\n`);
