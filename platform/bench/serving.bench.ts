/**
 * `npm run bench:serving`: a trivial linear model served by `serve` in its own process, then a
 * bounded loopback load (127.0.0.1 only, keep-alive, a fixed duration and a fixed number of
 * requests in flight): single-row predictions, then batches of 1,000 rows. Prints a table and
 * writes `.bench/serving.json`. Knobs: BENCH_SECONDS (10 per phase), BENCH_CONNECTIONS (8, single
 * rows), BENCH_BATCH_CONNECTIONS (2), BENCH_WORKERS (1 model worker).
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { availableParallelism, cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const seconds = Number(process.env["BENCH_SECONDS"] ?? 10);
const connections = Number(process.env["BENCH_CONNECTIONS"] ?? 8);
const batchConnections = Number(process.env["BENCH_BATCH_CONNECTIONS"] ?? 2);
const batchRows = 1000;
const warmupSeconds = 2;

const server = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./serveLinear.ts", import.meta.url))], { stdio: ["ignore", "pipe", "inherit"], env: process.env });
let output = "";
const ready = new Promise<string>((resolve, reject) => {
  server.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    const url = /READY (\S+)/.exec(output)?.[1];
    if (url) resolve(url);
  });
  server.once("exit", (code) => reject(new Error(`service exited ${code} before it was ready`)));
});

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

try {
  const url = new URL(await ready);
  if (url.hostname !== "127.0.0.1") throw new Error(`refusing to load ${url.host}: loopback only`);
  const agent = new Agent({ keepAlive: true, maxSockets: Math.max(connections, batchConnections) });

  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const call = request({ host: url.hostname, port: url.port, path: "/predict", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      call.on("error", reject);
      call.end(body);
    });

  async function load(durationMs: number, inFlight: number, body: (index: number) => string) {
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const stopAt = performance.now() + durationMs;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (performance.now() < stopAt) {
          const text = body(next++);
          const started = performance.now();
          const status = await post(text);
          latencies.push(performance.now() - started);
          if (status !== 200) failures++;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
    return { requests: latencies.length, failures, p50Ms: round(percentile(50)), p99Ms: round(percentile(99)), maxMs: round(latencies.at(-1)!) };
  }

  // a few distinct bodies, built before the clock starts, so that the client measures the service
  const singles = Array.from({ length: 64 }, (_, index) => JSON.stringify({ rows: [{ a: (index % 10) / 10, b: 0.5 }] }));
  const batches = Array.from({ length: 4 }, (_, batch) => JSON.stringify({ rows: Array.from({ length: batchRows }, (_, index) => ({ a: ((index + batch) % 100) / 100, b: (index % 7) / 7 })) }));

  async function phase(inFlight: number, body: (index: number) => string) {
    await load(warmupSeconds * 1000, inFlight, body);
    const started = performance.now();
    const result = await load(seconds * 1000, inFlight, body);
    const elapsed = (performance.now() - started) / 1000;
    return { ...result, seconds: round(elapsed), requestsPerSecond: Math.round(result.requests / elapsed) };
  }

  const loadBefore = loadavg();
  const single = await phase(connections, (index) => singles[index % singles.length]!);
  const batch = await phase(batchConnections, (index) => batches[index % batches.length]!);
  const rowsPerSecond = batch.requestsPerSecond * batchRows;
  const met = { single: single.requestsPerSecond >= 3000 && single.p99Ms <= 10 && single.failures === 0, batch: rowsPerSecond >= 200_000 && batch.failures === 0 };
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? "unknown",
    loadavgBefore: loadBefore.map((value) => round(value)),
    loadavgAfter: loadavg().map((value) => round(value)),
    workers: Number(process.env["BENCH_WORKERS"] ?? 1),
    single: { connections, ...single },
    batch: { connections: batchConnections, rowsPerRequest: batchRows, ...batch, rowsPerSecond },
    target: { singleRequestsPerSecond: 3000, singleP99Ms: 10, batchRowsPerSecond: 200_000 },
    met,
  };
  mkdirSync(path.join(repo, ".bench"), { recursive: true });
  writeFileSync(path.join(repo, ".bench", "serving.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log("");
  console.log("| POST /predict, loopback | single row | batch of 1,000 rows |");
  console.log("| --- | ---: | ---: |");
  console.log(`| requests in flight (keep-alive) | ${connections} | ${batchConnections} |`);
  console.log(`| duration | ${single.seconds} s | ${batch.seconds} s |`);
  console.log(`| requests (failed) | ${single.requests} (${single.failures}) | ${batch.requests} (${batch.failures}) |`);
  console.log(`| requests/s | **${single.requestsPerSecond}** | ${batch.requestsPerSecond} |`);
  console.log(`| rows/s | ${single.requestsPerSecond} | **${rowsPerSecond}** |`);
  console.log(`| p50 latency | ${single.p50Ms} ms | ${batch.p50Ms} ms |`);
  console.log(`| p99 latency | **${single.p99Ms} ms** | ${batch.p99Ms} ms |`);
  console.log(`| max latency | ${single.maxMs} ms | ${batch.maxMs} ms |`);
  console.log(`| target | >= 3,000 req/s, p99 <= 10 ms: ${met.single ? "met" : "NOT met"} | >= 200,000 rows/s: ${met.batch ? "met" : "NOT met"} |`);
  console.log(`\n${result.cpus} cores, load average ${result.loadavgBefore.join(", ")} before, ${result.loadavgAfter.join(", ")} after; wrote .bench/serving.json`);
  agent.destroy();
} finally {
  server.kill("SIGKILL");
}
