/**
 * `npm run bench:registry`: 10,000 model versions in the embedded store, then a bounded loopback
 * load of find-by-tags queries over keep-alive connections; then `/v1/health` latency alone and
 * while bad 16 MiB saves are being refused (issue 15: a 422 must not hold the registry). Prints
 * tables and writes `.bench/registry.json`. Knobs: BENCH_MODELS (10000), BENCH_SECONDS (10),
 * BENCH_CONNECTIONS (16).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { availableParallelism, cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchQuery } from "./benchTags.ts";
import { healthUnderBadBodies } from "./healthUnderBadBodies.ts";
import { loadLoop } from "./loadLoop.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const models = Number(process.env["BENCH_MODELS"] ?? 10_000);
const seconds = Number(process.env["BENCH_SECONDS"] ?? 10);
const connections = Number(process.env["BENCH_CONNECTIONS"] ?? 16);
const warmupSeconds = 2;
const token = "bench-token";
const dir = mkdtempSync(path.join(tmpdir(), "envelope-bench-"));

const server = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./seedAndServe.ts", import.meta.url)), dir, token, String(models)], { stdio: ["ignore", "pipe", "inherit"] });
let output = "";
const ready = new Promise<{ url: string; seedMs: number }>((resolve, reject) => {
  server.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    const url = /READY (\S+)/.exec(output)?.[1];
    if (url) resolve({ url, seedMs: Number(/SEEDED (\d+)/.exec(output)?.[1]) });
  });
  server.once("exit", (code) => reject(new Error(`registry exited ${code} before it was ready`)));
});

try {
  const { url, seedMs } = await ready;
  console.log(`seeded ${models} model versions in ${(seedMs / 1000).toFixed(1)} s`);
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const headers = { authorization: `Bearer ${token}` };

  const get = (target: string) =>
    new Promise<number>((resolve, reject) => {
      const call = request({ host: hostname, port, path: target, agent, headers }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      call.on("error", reject);
      call.end();
    });

  const load = (durationMs: number) => loadLoop(connections, durationMs, (index) => get(encodeURI(benchQuery(index))));

  await load(warmupSeconds * 1000);
  const started = performance.now();
  const { latencies, failures } = await load(seconds * 1000);
  const elapsed = (performance.now() - started) / 1000;
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? "unknown",
    store: "pglite (embedded, in-memory tag index)",
    models,
    connections,
    seconds: Math.round(elapsed * 100) / 100,
    requests: latencies.length,
    failures,
    requestsPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: Math.round(percentile(50) * 100) / 100,
    p99Ms: Math.round(percentile(99) * 100) / 100,
    maxMs: Math.round(latencies.at(-1)! * 100) / 100,
    seedSeconds: Math.round(seedMs / 100) / 10,
    target: { requestsPerSecond: 2000, p99Ms: 20 },
  };
  const met = result.requestsPerSecond >= 2000 && result.p99Ms <= 20 && failures === 0;
  agent.destroy();
  const health = await healthUnderBadBodies(new URL(url), token);
  const healthMet = health.bad.every((figures) => figures.health.maxMs <= 100);
  mkdirSync(path.join(repo, ".bench"), { recursive: true });
  writeFileSync(path.join(repo, ".bench", "registry.json"), `${JSON.stringify({ ...result, met, health: { ...health, target: { maxMs: 100 }, met: healthMet } }, null, 2)}\n`);
  console.log("");
  console.log("| find-by-tags, loopback | value |");
  console.log("| --- | ---: |");
  console.log(`| model versions | ${models} |`);
  console.log(`| connections (keep-alive) | ${connections} |`);
  console.log(`| duration | ${result.seconds} s |`);
  console.log(`| requests (failed) | ${result.requests} (${failures}) |`);
  console.log(`| requests/s | ${result.requestsPerSecond} |`);
  console.log(`| p50 latency | ${result.p50Ms} ms |`);
  console.log(`| p99 latency | ${result.p99Ms} ms |`);
  console.log(`| target (>= 2,000 req/s, p99 <= 20 ms) | ${met ? "met" : "NOT met"} on ${result.cpus} cores |`);
  console.log("");
  console.log("| /v1/health, one request at a time | requests | p50 | p99 | max | p99 / alone |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  const row = (label: string, figures: typeof health.baseline) => `| ${label} | ${figures.requests} | ${figures.p50Ms} ms | ${figures.p99Ms} ms | ${figures.maxMs} ms | ${(figures.p99Ms / health.baseline.p99Ms).toFixed(2)} |`;
  console.log(row("alone", health.baseline));
  for (const figures of health.bad) console.log(row(`while ${figures.sent} bodies of ${figures.body} (${(figures.bytes / 1048576).toFixed(1)} MiB) are refused`, figures.health));
  for (const figures of health.bad) console.log(`${figures.body}: answered ${figures.statuses.join("/")}, largest answer ${figures.answerBytes} bytes, slowest ${figures.slowestMs} ms`);
  console.log(`target (health answered within 100 ms while refusing): ${healthMet ? "met" : "NOT met"}`);
  console.log(`\nwrote .bench/registry.json`);
} finally {
  server.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
}
