/**
 * `npm run bench:serving`: a trivial linear model served by `serve` in its own process, then a
 * bounded loopback load (127.0.0.1 only, keep-alive, a fixed duration and a fixed number of
 * requests in flight): single-row predictions, then batches of 1,000 rows. Then the same
 * single-row load with usage tracking on (a usage event per request, the registry sink): to a real
 * registry in its own process, to an endpoint that answers 500 at once, and to one that accepts
 * and never answers; each compared with tracking off in the same run, in BENCH_ROUNDS (3) rounds,
 * by throughput and p99, and by the CPU every process of the run spends per request (which a
 * busy shared machine disturbs far less than the throughput). The tracking rounds run twice:
 * every process on every core (the target is judged there, as issue 15 measured it), then
 * (Linux, 2 cores or more, `taskset`) with the registry on a core of its own and everything else
 * on another, as a registry on its own machine would be: what tracking costs the tracked service
 * without the registry's own work on its cores.
 * Prints tables and writes `.bench/serving.json`. Knobs: BENCH_SECONDS (10 per phase),
 * BENCH_CONNECTIONS (8, single rows), BENCH_BATCH_CONNECTIONS (2), BENCH_WORKERS (1 model worker).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brokenEndpoint } from "./brokenEndpoint.ts";
import { compareTracking, type TrackingComparison, type TrackingMode } from "./compareTracking.ts";
import { formatTrackingTable } from "./formatTrackingTable.ts";
import { phase } from "./measureLoad.ts";
import { allCpus, cannotPin, pinCpus } from "./pinCpus.ts";
import { spawnReady } from "./spawnReady.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const seconds = Number(process.env["BENCH_SECONDS"] ?? 10);
const connections = Number(process.env["BENCH_CONNECTIONS"] ?? 8);
const batchConnections = Number(process.env["BENCH_BATCH_CONNECTIONS"] ?? 2);
const rounds = Number(process.env["BENCH_ROUNDS"] ?? 3);
const batchRows = 1000;
const serveLinear = fileURLToPath(new URL("./serveLinear.ts", import.meta.url));

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

// a few distinct bodies, built before the clock starts, so that the client measures the service
const singles = Array.from({ length: 64 }, (_, index) => JSON.stringify({ rows: [{ a: (index % 10) / 10, b: 0.5 }] }));
const batches = Array.from({ length: 4 }, (_, batch) => JSON.stringify({ rows: Array.from({ length: batchRows }, (_, index) => ({ a: ((index + batch) % 100) / 100, b: (index % 7) / 7 })) }));
const single = (index: number) => singles[index % singles.length]!;

const cleanup: Array<() => void> = [];
try {
  const loadBefore = loadavg();
  const off = await spawnReady(serveLinear, []);
  cleanup.push(off.stop);
  const batch = await phase(off.url, seconds, batchConnections, (index) => batches[index % batches.length]!);

  // tracking on: the registry (own process, empty store), then the broken endpoints; every
  // service runs throughout, and rounds take them in turn (the order rotating) so that a burst
  // of load from the machine's other users lands on each alike; medians over the rounds
  const dir = mkdtempSync(path.join(tmpdir(), "envelope-bench-serving-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const registry = await spawnReady(fileURLToPath(new URL("./seedAndServe.ts", import.meta.url)), [dir, "bench-token", "0"]);
  cleanup.push(registry.stop);
  const failing = await brokenEndpoint("fail");
  const hanging = await brokenEndpoint("hang");
  cleanup.push(() => (failing.server.close(), hanging.server.closeAllConnections(), hanging.server.close()));
  const modes: TrackingMode[] = [{ name: "off", url: off.url, pid: off.child.pid, requests: () => null }];
  const sinks: Array<[TrackingMode["name"], { url: string; requests: () => number | null }]> = [["registry", { url: registry.url.origin, requests: () => null }], ["failing", failing], ["hanging", hanging]];
  for (const [name, sink] of sinks) {
    const service = await spawnReady(serveLinear, [], { ...process.env, BENCH_TRACKING_URL: sink.url, BENCH_TRACKING_TOKEN: "bench-token" });
    cleanup.push(service.stop);
    modes.push({ name, url: service.url, pid: service.child.pid, ...(name === "registry" && registry.child.pid ? { sinkPid: registry.child.pid } : {}), requests: sink.requests });
  }
  const compare = () => compareTracking(modes, { rounds, seconds, connections, body: single });
  const shared = await compare();
  // the registry on a core of its own, as it runs in production (on other machines): the load
  // generator, the services and their model processes on CPU 0, the registry on CPU 1, in every
  // mode alike. What tracking costs the tracked service, without the registry's own work on the
  // same cores (which the shared rounds above include, and the target is judged on)
  const whyNotPinned = cannotPin();
  const everyone = [process.pid, ...modes.map((mode) => mode.pid)];
  let pinned: TrackingComparison | undefined;
  if (whyNotPinned === undefined) {
    pinCpus(everyone, "0");
    pinCpus([registry.child.pid], "1");
    try {
      pinned = await compare();
    } finally {
      pinCpus([...everyone, registry.child.pid], allCpus());
    }
  }
  const offSingle = shared.off;
  registry.stop();

  const rowsPerSecond = batch.requestsPerSecond * batchRows;
  const met = {
    single: offSingle.requestsPerSecond >= 3000 && offSingle.p99Ms <= 10 && offSingle.failures === 0,
    batch: rowsPerSecond >= 200_000 && batch.failures === 0,
    // judged as issue 15 measured it, every process on both cores; the pinned rounds are reported beside it
    tracking: shared.met,
  };
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? "unknown",
    loadavgBefore: loadBefore.map((value) => round(value)),
    loadavgAfter: loadavg().map((value) => round(value)),
    workers: Number(process.env["BENCH_WORKERS"] ?? 1),
    single: { connections, ...offSingle },
    batch: { connections: batchConnections, rowsPerRequest: batchRows, ...batch, rowsPerSecond },
    tracking: { connections, rounds, secondsPerRound: seconds, sharedCores: shared, registryOnItsOwnCore: pinned ?? { notMeasured: whyNotPinned } },
    target: { singleRequestsPerSecond: 3000, singleP99Ms: 10, batchRowsPerSecond: 200_000, trackingRegistryThroughputRatio: 0.9, trackingBrokenSinkP99DeltaMs: 1 },
    met,
  };
  mkdirSync(path.join(repo, ".bench"), { recursive: true });
  writeFileSync(path.join(repo, ".bench", "serving.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log("");
  console.log("| POST /predict, loopback | single row | batch of 1,000 rows |");
  console.log("| --- | ---: | ---: |");
  console.log(`| requests in flight (keep-alive) | ${connections} | ${batchConnections} |`);
  console.log(`| duration | ${rounds} x ${seconds} s | ${batch.seconds} s |`);
  console.log(`| requests (failed) | ${offSingle.rounds.reduce((sum, run) => sum + run.requests, 0)} (${offSingle.failures}) | ${batch.requests} (${batch.failures}) |`);
  console.log(`| requests/s | **${offSingle.requestsPerSecond}** | ${batch.requestsPerSecond} |`);
  console.log(`| rows/s | ${offSingle.requestsPerSecond} | **${rowsPerSecond}** |`);
  console.log(`| p50 latency | ${offSingle.p50Ms} ms | ${batch.p50Ms} ms |`);
  console.log(`| p99 latency | **${offSingle.p99Ms} ms** | ${batch.p99Ms} ms |`);
  console.log(`| max latency | ${Math.max(...offSingle.rounds.map((run) => run.maxMs))} ms | ${batch.maxMs} ms |`);
  console.log(`| target | >= 3,000 req/s, p99 <= 10 ms: ${met.single ? "met" : "NOT met"} | >= 200,000 rows/s: ${met.batch ? "met" : "NOT met"} |`);
  console.log("");
  for (const line of formatTrackingTable("single row, usage tracking, every process on both cores", rounds, shared, "same cores", true)) console.log(line);
  console.log("");
  if (pinned) for (const line of formatTrackingTable("single row, usage tracking, the registry on CPU 1 and everything else on CPU 0", rounds, pinned, "its own core", false)) console.log(line);
  else console.log(`The registry on a core of its own: not measured (${whyNotPinned}).`);
  console.log(`\n${result.cpus} cores, load average ${result.loadavgBefore.join(", ")} before, ${result.loadavgAfter.join(", ")} after; wrote .bench/serving.json`);
} finally {
  for (const step of cleanup.reverse()) step();
}
