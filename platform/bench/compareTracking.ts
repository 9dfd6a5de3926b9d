import { phase } from "./measureLoad.ts";

/** A service under the single-row load: tracking off, or tracking to one kind of sink. */
export interface TrackingMode {
  name: "off" | "registry" | "failing" | "hanging";
  url: URL;
  pid: number | undefined;
  /** the registry's process, whose CPU is counted as the sink's */
  sinkPid?: number;
  /** requests the sink has received so far (broken sinks only) */
  requests: () => number | null;
}

export interface CompareOptions {
  rounds: number;
  seconds: number;
  connections: number;
  body: (index: number) => string;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Runs every mode in turn, `rounds` times (the order rotating, so that a burst of load from the
 * machine's other users lands on each alike), and compares each tracking mode with off: medians
 * over the rounds of throughput, p99 and CPU per request.
 */
export async function compareTracking(modes: TrackingMode[], options: CompareOptions) {
  const runs = new Map<string, Array<Awaited<ReturnType<typeof phase>>>>(modes.map((mode) => [mode.name, []]));
  const sinkRequests = new Map<string, number | null>(modes.map((mode) => [mode.name, mode.requests()]));
  for (let index = 0; index < options.rounds; index++) {
    for (let turn = 0; turn < modes.length; turn++) {
      const mode = modes[(index + turn) % modes.length]!;
      runs.get(mode.name)!.push(await phase(mode.url, options.seconds, options.connections, options.body, mode.pid, mode.sinkPid));
    }
  }
  const summary = (name: TrackingMode["name"]) => {
    const list = runs.get(name)!;
    const before = sinkRequests.get(name);
    const of = (pick: (run: (typeof list)[number]) => number) => median(list.map(pick));
    return {
      requestsPerSecond: of((run) => run.requestsPerSecond),
      p50Ms: of((run) => run.p50Ms),
      p99Ms: of((run) => run.p99Ms),
      serviceCpuUsPerRequest: of((run) => run.serviceCpuUsPerRequest),
      sinkCpuUsPerRequest: of((run) => run.sinkCpuUsPerRequest),
      allCpuUsPerRequest: of((run) => run.allCpuUsPerRequest),
      failures: list.reduce((sum, run) => sum + run.failures, 0),
      sinkRequests: before === null || before === undefined ? null : modes.find((mode) => mode.name === name)!.requests()! - before,
      rounds: list,
    };
  };
  const off = summary("off");
  const tracked = { registry: summary("registry"), failing: summary("failing"), hanging: summary("hanging") };
  const vsOff = (name: keyof typeof tracked) => ({
    throughput: round(tracked[name].requestsPerSecond / off.requestsPerSecond, 3),
    p99DeltaMs: round(tracked[name].p99Ms - off.p99Ms),
    serviceCpu: round(tracked[name].serviceCpuUsPerRequest / off.serviceCpuUsPerRequest, 3),
    cpuBound: round(off.allCpuUsPerRequest / tracked[name].allCpuUsPerRequest, 3),
  });
  const ratios = { registry: vsOff("registry"), failing: vsOff("failing"), hanging: vsOff("hanging") };
  // harm is a higher p99: a lower one is the noise of a shared machine
  const met = ratios.registry.throughput >= 0.9 && ratios.failing.p99DeltaMs <= 1 && ratios.hanging.p99DeltaMs <= 1;
  return { off, ...tracked, ratios, met };
}

export type TrackingComparison = Awaited<ReturnType<typeof compareTracking>>;
