/**
 * `npm run bench:ingest`: the CPU a registry spends per recorded usage event (issue 15: the
 * registry shares the service's cores in bench:serving). A registry in its own process, on an
 * empty embedded store and then on a throwaway PostgreSQL server (skipped when its binaries are
 * missing), gets BENCH_BATCHES (default 40) batches of BENCH_BATCH (default 3,500, a service's)
 * events from the registry sink, as a served model's tracker sends them (the fields they share
 * once), after 10 batches of warm-up; each of BENCH_ROUNDS (default 3) rounds a fresh registry,
 * medians reported. CPU from /proc (Linux):
 * the registry's process, and every `postgres` process for the server.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { registrySink } from "../src/tracking/registrySink.ts";
import { formatServedEvents, type ServedRequest } from "../src/tracking/servedEvents.ts";
import { startPostgres } from "../test/support/startPostgres.ts";
import { spawnReady } from "./spawnReady.ts";

const batch = Number(process.env["BENCH_BATCH"] ?? 3500);
const batches = Number(process.env["BENCH_BATCHES"] ?? 40);
const rounds = Number(process.env["BENCH_ROUNDS"] ?? 3);
const token = "bench-ingest-token";

/** user + system CPU of a process in ms (clock ticks of 10 ms) */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
const postgresCpuMs = () => readdirSync("/proc").filter((name) => /^\d+$/.test(name)).reduce((sum, pid) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres") ? sum + cpuMs(Number(pid)) : sum;
  } catch {
    return sum;
  }
}, 0);

/** a served model's request, one in 50 failed, a few to a millisecond */
const request = (index: number): ServedRequest => ({
  at: Date.now() + Math.floor(index / 4), durationMs: 0.123, rows: 1,
  failure: index % 50 ? null : { errorClass: "EnvelopeError", errorCode: "ENVELOPE_MODEL", errorMessage: "boom" },
});
const fields = { fn: "predict", user: "svc", team: "churn", clientVersion: "0.1.0", model: "bench-linear@1" };

async function round(databaseUrl?: string): Promise<{ registry: number; postgres: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "envelope-bench-ingest-"));
  const registry = await spawnReady(fileURLToPath(new URL("./ingestRegistry.ts", import.meta.url)), [dir, token, ...(databaseUrl ? [databaseUrl] : [])]);
  try {
    const sink = registrySink({ url: registry.url.origin, token });
    let sent = 0;
    // as a service's tracker sends them: the body written from its records, shared fields once
    const send = () => sink.sendJson!(formatServedEvents(Array.from({ length: batch }, () => request(sent++)), fields), undefined);
    for (let index = 0; index < 10; index++) await send();
    const [registryBefore, postgresBefore] = [cpuMs(registry.child.pid!), postgresCpuMs()];
    for (let index = 0; index < batches; index++) await send();
    const perEvent = (ms: number) => (ms * 1000) / (batches * batch);
    return { registry: perEvent(cpuMs(registry.child.pid!) - registryBefore), postgres: databaseUrl ? perEvent(postgresCpuMs() - postgresBefore) : 0 };
  } finally {
    registry.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const report = (label: string, results: Array<{ registry: number; postgres: number }>) =>
  console.log(`${label}: registry ${median(results.map((result) => result.registry)).toFixed(1)} µs of CPU per event, postgres ${median(results.map((result) => result.postgres)).toFixed(1)} (rounds: ${results.map((result) => `${result.registry.toFixed(1)}+${result.postgres.toFixed(1)}`).join(", ")})`);

console.log(`${batches} batches of ${batch} events after 10 of warm-up, ${rounds} rounds`);
const embedded = [];
for (let index = 0; index < rounds; index++) embedded.push(await round());
report("embedded (PGlite)", embedded);
const postgres = await startPostgres();
if ("skip" in postgres) console.log(`PostgreSQL skipped: ${postgres.skip}`);
else {
  try {
    const results = [];
    for (let index = 0; index < rounds; index++) results.push(await round(postgres.url));
    report("PostgreSQL", results);
  } finally {
    postgres.stop();
  }
}
process.exit(0);
