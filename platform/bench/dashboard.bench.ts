/**
 * `npm run bench:dashboard` (issue 17): the dashboard's API over a generated history, on the
 * embedded store and on a throwaway PostgreSQL server (skipped, saying why, when its binaries
 * are missing): BENCH_VERSIONS model versions (10,000) with BENCH_METRICS scalar metrics each
 * (10) and a roc curve, and BENCH_EVENTS usage events (1,000,000) over 30 days. Each registry
 * runs in its own process, seeded by bulk SQL. Measures the metrics query (p50/p99 of
 * BENCH_REQUESTS pages of 1,000, default 100) and every usage view (BENCH_USAGE_REQUESTS, 10),
 * each beside its peer in the same run; then the page's JavaScript size and load time
 * (`dashboardPage.ts`, the UI's part; BENCH_PAGE=0 skips it). Prints tables and writes
 * `.bench/dashboard.json`. Targets: metrics p99 <= 100 ms on the embedded store; each usage
 * view <= 500 ms.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPostgres } from "../test/support/startPostgres.ts";
import { createGetter, measureMetrics, measureUsage, walkAll, type Latency } from "./measureDashboardApi.ts";
import { spawnReady } from "./spawnReady.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const versions = knob("BENCH_VERSIONS", 10_000);
const metrics = knob("BENCH_METRICS", 10);
const events = knob("BENCH_EVENTS", 1_000_000);
const requests = knob("BENCH_REQUESTS", 100);
const usageRequests = knob("BENCH_USAGE_REQUESTS", 10);
const token = "bench-dashboard-token";
const load = () => loadavg().map((value) => value.toFixed(1)).join(" ");

/** Seeds and serves a registry (PostgreSQL at `databaseUrl`, else embedded), measures the API, stops it. */
async function measureApi(store: string, databaseUrl?: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "envelope-bench-dashboard-"));
  const started = performance.now();
  const server = await spawnReady(fileURLToPath(new URL("./dashboardRegistry.ts", import.meta.url)), [dir, token, String(versions), String(metrics), String(events), ...(databaseUrl ? [databaseUrl] : [])]);
  const seedMs = performance.now() - started;
  const { get, close } = createGetter(server.url, token);
  try {
    console.log(`${store}: seeded ${versions.toLocaleString("en")} versions x ${metrics} metrics and ${events.toLocaleString("en")} events in ${(seedMs / 1000).toFixed(1)} s (load ${load()})`);
    const metricRows = await measureMetrics(get, requests);
    const walkStarted = performance.now();
    const walk = await walkAll(get, "/v1/dashboard/metrics?query=stage%3Dprod&metric=auc&metric=loss", "versions");
    const walkMs = performance.now() - walkStarted;
    const usageRows = await measureUsage(get, usageRequests);
    return { store, seedMs, metrics: metricRows, walk: { ...walk, ms: walkMs }, usage: usageRows, url: server.url, stop: server.stop, dir, load: load() };
  } catch (error) {
    server.stop();
    throw error;
  } finally {
    close();
  }
}

function table(title: string, rows: Latency[], peer: Latency) {
  console.log(`\n${title}\n`);
  console.log(`| request | p50 | p99 | max | p99 / ${peer.name.replace(/ \(peer.*\)/, "")} p99 | bytes |`);
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const row of rows) console.log(`| ${row.name} | ${row.p50.toFixed(1)} ms | ${row.p99.toFixed(1)} ms | ${row.max.toFixed(1)} ms | ${(row.p99 / peer.p99).toFixed(1)}x | ${row.bytes.toLocaleString("en")} |`);
}

// ---- the page: the UI's part (platform/bench/dashboardPage.ts), against the embedded registry ----
async function measurePage(url: URL) {
  if (process.env["BENCH_PAGE"] === "0") return { skipped: "BENCH_PAGE=0" };
  try {
    const { measureDashboardPage } = await import("./dashboardPage.ts");
    return await measureDashboardPage(url.origin, token, "#/metrics?query=stage%3Dprod&metric=auc");
  } catch (error) {
    return { skipped: (error as Error).message };
  }
}

const results: Record<string, unknown> = { at: new Date().toISOString(), versions, metrics, events, requests, usageRequests, cores: availableParallelism(), loadBefore: load() };
const embedded = await measureApi("embedded (PGlite)");
try {
  results["embedded"] = { ...embedded, stop: undefined, url: undefined, dir: undefined };
  results["page"] = await measurePage(embedded.url);
} finally {
  embedded.stop();
  rmSync(embedded.dir, { recursive: true, force: true });
}
const postgres = process.env["BENCH_POSTGRES"] === "0" ? { skip: "BENCH_POSTGRES=0" } : await startPostgres();
if ("url" in postgres) {
  try {
    const server = await measureApi("PostgreSQL", postgres.url);
    server.stop();
    rmSync(server.dir, { recursive: true, force: true });
    results["postgres"] = { ...server, stop: undefined, url: undefined, dir: undefined };
  } finally {
    postgres.stop();
  }
} else {
  results["postgres"] = { skipped: postgres.skip };
}
results["loadAfter"] = load();

for (const key of ["embedded", "postgres"]) {
  const result = results[key] as { store: string; metrics: Latency[]; usage: Latency[]; walk: { pages: number; rows: number; ms: number }; load: string } | { skipped: string };
  if ("skipped" in result) {
    console.log(`\n${key}: skipped (${result.skipped})`);
    continue;
  }
  table(`${result.store}: metrics, ${requests} requests each (load after: ${result.load})`, result.metrics, result.metrics[0]!);
  console.log(`\nevery page of stage=prod (auc, loss): ${result.walk.rows.toLocaleString("en")} versions in ${result.walk.pages} pages, ${result.walk.ms.toFixed(0)} ms`);
  table(`${result.store}: usage views over ${events.toLocaleString("en")} events, ${usageRequests} requests each`, result.usage, result.usage[0]!);
}
console.log(`\npage: ${JSON.stringify(results["page"])}`);
console.log(`\n${availableParallelism()} cores, load average before ${results["loadBefore"]}, after ${results["loadAfter"]}`);
mkdirSync(path.join(repo, ".bench"), { recursive: true });
writeFileSync(path.join(repo, ".bench", "dashboard.json"), `${JSON.stringify(results, null, 2)}\n`);
