/**
 * `npm run bench:usage`: BENCH_EVENTS usage events (default 116,674, issue 15's count) in the
 * embedded store of a registry in its own process, then, each BENCH_ROUNDS times (default 3,
 * medians reported): the usage report as `envelope usage` gets it now (GET /v1/usage/summary),
 * the same report computed in the client over every event read page by page (what it did
 * before, now paged), one team's events read the same way, and single pages of 1,000 and 10,000
 * events. For each: time, bytes
 * received and the registry's peak resident memory above its idle level (VmRSS from /proc,
 * sampled every 10 ms; Linux). Prints a table and writes `.bench/usage.json`.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { UsageEvent } from "../src/tracking/UsageEvent.ts";
import { usageReport } from "../src/usage/usageReport.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const count = Number(process.env["BENCH_EVENTS"] ?? 116_674);
const rounds = Number(process.env["BENCH_ROUNDS"] ?? 3);
const token = "bench-admin-token";
const dir = mkdtempSync(path.join(tmpdir(), "envelope-bench-usage-"));
const server = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./seedEvents.ts", import.meta.url)), dir, token, String(count)], { stdio: ["ignore", "pipe", "inherit"] });
let output = "";
const ready = new Promise<{ url: string; pid: number; seedMs: number }>((resolve, reject) => {
  server.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    const match = /READY (\S+) (\d+)/.exec(output);
    if (match) resolve({ url: match[1]!, pid: Number(match[2]), seedMs: Number(/SEEDED (\d+)/.exec(output)?.[1]) });
  });
  server.once("exit", (code) => reject(new Error(`registry exited ${code} before it was ready`)));
});

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  const { url, pid, seedMs } = await ready;
  console.log(`recorded ${count.toLocaleString("en")} events in ${(seedMs / 1000).toFixed(1)} s`);
  const headers = { authorization: `Bearer ${token}` };
  const get = async (target: string) => {
    const response = await fetch(`${url}${target}`, { headers });
    const text = await response.text();
    if (!response.ok) throw new Error(`${target}: ${response.status} ${text.slice(0, 200)}`);
    return text;
  };
  const since = new Date(Date.now() - 7 * 86_400_000).toISOString();

  /** Reads every page of events (`filter` added to the query), makes the report over them; the bytes read. */
  async function readAll(filter: string) {
    const events: UsageEvent[] = [];
    let bytes = 0;
    for (let after: string | null = null, first = true; first || after !== null; first = false) {
      const text: string = await get(`/v1/events?limit=10000${filter}${after ? `&after=${encodeURIComponent(after)}` : ""}`);
      bytes += text.length;
      const page = JSON.parse(text) as { events: UsageEvent[]; next: string | null };
      events.push(...page.events);
      after = page.next;
    }
    usageReport(events, { days: 7, now: new Date() });
    return bytes;
  }

  /** Runs `work` `rounds` times; medians of time and bytes, and the largest registry memory rise. */
  async function measure(name: string, work: () => Promise<number>) {
    const times: number[] = [];
    const sizes: number[] = [];
    let peak = 0;
    for (let round = 0; round < rounds; round++) {
      globalThis.gc?.();
      const idle = rssMiB(pid);
      let top = idle;
      const sampler = setInterval(() => (top = Math.max(top, rssMiB(pid))), 10);
      const started = performance.now();
      sizes.push(await work());
      times.push(performance.now() - started);
      clearInterval(sampler);
      peak = Math.max(peak, Math.max(top, rssMiB(pid)) - idle);
    }
    return { name, ms: median(times), bytes: median(sizes), registryRssRiseMiB: peak };
  }

  const results = [
    await measure("usage summary (GET /v1/usage/summary, SQL)", async () => (await get(`/v1/usage/summary?since=${encodeURIComponent(since)}`)).length),
    await measure("every event, 10,000 a page, report in the client", () => readAll("")),
    await measure("one team's events (of 10), 10,000 a page", () => readAll("&team=team-3")),
    await measure("one page of 1,000 events (the default)", async () => (await get("/v1/events")).length),
    await measure("one page of 10,000 events (the most)", async () => (await get("/v1/events?limit=10000")).length),
  ];
  const summary = results[0]!;
  console.log(`\n${count.toLocaleString("en")} events, ${rounds} rounds, ${availableParallelism()} cores\n`);
  console.log("| read | time (median) | vs summary | bytes | registry RSS rise (max) |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const result of results) {
    console.log(`| ${result.name} | ${result.ms.toFixed(0)} ms | ${(result.ms / summary.ms).toFixed(1)}x | ${result.bytes.toLocaleString("en")} | ${result.registryRssRiseMiB.toFixed(0)} MiB |`);
  }
  mkdirSync(path.join(repo, ".bench"), { recursive: true });
  writeFileSync(path.join(repo, ".bench", "usage.json"), `${JSON.stringify({ at: new Date().toISOString(), events: count, rounds, seedMs, results }, null, 2)}\n`);
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
