import type { TrackingComparison } from "./compareTracking.ts";

/** The Markdown table `npm run bench:serving` prints for one comparison of tracking modes. Pure. */
export function formatTrackingTable(title: string, rounds: number, comparison: TrackingComparison, registryCpuNote: string, judged: boolean): string[] {
  const { off, registry, failing, hanging, ratios } = comparison;
  const columns = [off, registry, failing, hanging];
  return [
    `| ${title} (median of ${rounds} rounds) | off | registry sink | failing sink (500) | hanging sink |`,
    "| --- | ---: | ---: | ---: | ---: |",
    `| requests/s | ${columns.map((column) => column.requestsPerSecond).join(" | ")} |`,
    `| against off | 1 | ${ratios.registry.throughput} | ${ratios.failing.throughput} | ${ratios.hanging.throughput} |`,
    `| p50 latency | ${columns.map((column) => `${column.p50Ms} ms`).join(" | ")} |`,
    `| p99 latency | ${columns.map((column) => `${column.p99Ms} ms`).join(" | ")} |`,
    `| p99 against off | 0 | ${ratios.registry.p99DeltaMs} ms | ${ratios.failing.p99DeltaMs} ms | ${ratios.hanging.p99DeltaMs} ms |`,
    `| service CPU per request | ${columns.map((column) => `${column.serviceCpuUsPerRequest} µs`).join(" | ")} |`,
    `| service CPU against off | 1 | ${ratios.registry.serviceCpu} | ${ratios.failing.serviceCpu} | ${ratios.hanging.serviceCpu} |`,
    `| registry CPU per request (${registryCpuNote}) | - | ${registry.sinkCpuUsPerRequest} µs | - | - |`,
    `| CPU per request, every process of the run | ${columns.map((column) => `${column.allCpuUsPerRequest} µs`).join(" | ")} |`,
    `| against off were the cores the only limit (off's CPU / this CPU) | 1 | ${ratios.registry.cpuBound} | ${ratios.failing.cpuBound} | ${ratios.hanging.cpuBound} |`,
    `| failed requests | ${columns.map((column) => column.failures).join(" | ")} |`,
    `| requests the sink received | - | - | ${failing.sinkRequests} | ${hanging.sinkRequests} |`,
    judged ? `| target | registry sink >= 0.9 of off; broken sinks' p99 within 1 ms of off: ${comparison.met ? "met" : "NOT met"} | | | |` : `| the target's bounds, for comparison (the target is judged on every process on both cores) | ${comparison.met ? "within" : "not within"} | | | |`,
  ];
}
