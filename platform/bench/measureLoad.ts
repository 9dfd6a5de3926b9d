/**
 * The loopback load of `npm run bench:serving` and what it measures: keep-alive POST /predict
 * loops for a fixed time with a fixed number of requests in flight (throughput, p50, p99), and the
 * CPU each process of the run spends per request (Linux /proc).
 */
import { Agent, request } from "node:http";
import { readFileSync } from "node:fs";
import { loadLoop } from "./loadLoop.ts";

const warmupSeconds = 2;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** runs `inFlight` keep-alive loops of POST /predict against `url` for `durationMs` */
export async function load(url: URL, durationMs: number, inFlight: number, body: (index: number) => string) {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  const post = (text: string) =>
    new Promise<number>((resolve, reject) => {
      const call = request({ host: url.hostname, port: url.port, path: "/predict", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text) } }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      call.on("error", reject);
      call.end(text);
    });
  // the body is written before the call's clock starts
  const { latencies, failures } = await loadLoop(inFlight, durationMs, (index) => {
    const text = body(index);
    return post(text);
  });
  agent.destroy();
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { requests: latencies.length, failures, p50Ms: round(percentile(50)), p99Ms: round(percentile(99)), maxMs: round(latencies.at(-1)!) };
}

/** the CPU time a process has used, in ms (Linux /proc; NaN elsewhere) */
export function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** the CPU time of a process and its children (a service's model processes), in ms (Linux /proc; NaN elsewhere) */
export function treeCpuMs(pid: number | undefined): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return children.reduce((sum, child) => sum + cpuMs(child), cpuMs(pid));
  } catch {
    return Number.NaN;
  }
}

// the service's CPU per request depends far less on how busy the rest of the machine is: on a
// shared machine it shows the cost of tracking where throughput and p99 show mostly the noise.
// The CPU of every process of the run per request (this load generator and the broken sinks, the
// service and its model process, the registry) says what the ratio against off would be were the
// two cores the only limit
export async function phase(url: URL, seconds: number, inFlight: number, body: (index: number) => string, pid?: number, sinkPid?: number) {
  await load(url, warmupSeconds * 1000, inFlight, body);
  const started = performance.now();
  const cpuBefore = cpuMs(pid);
  const treeCpuBefore = treeCpuMs(pid);
  const sinkCpuBefore = cpuMs(sinkPid);
  const ownCpuBefore = process.cpuUsage();
  const result = await load(url, seconds * 1000, inFlight, body);
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const serviceCpuUsPerRequest = round(((cpuMs(pid) - cpuBefore) * 1000) / result.requests, 1);
  // what the registry spends on the events, on the same cores (NaN without a registry)
  const sinkCpuMs = cpuMs(sinkPid) - sinkCpuBefore;
  const sinkCpuUsPerRequest = round((sinkCpuMs * 1000) / result.requests, 1);
  const allCpuMs = treeCpuMs(pid) - treeCpuBefore + (Number.isNaN(sinkCpuMs) ? 0 : sinkCpuMs) + (ownCpu.user + ownCpu.system) / 1000;
  const allCpuUsPerRequest = round((allCpuMs * 1000) / result.requests, 1);
  const elapsed = (performance.now() - started) / 1000;
  return { ...result, seconds: round(elapsed), requestsPerSecond: Math.round(result.requests / elapsed), serviceCpuUsPerRequest, sinkCpuUsPerRequest, allCpuUsPerRequest };
}
