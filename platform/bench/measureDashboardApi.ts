/**
 * The API part of `npm run bench:dashboard`: latencies of the dashboard's routes against a
 * running registry seeded by `seedDashboard`, each beside its peer in the same run. Kept apart
 * from the page's figures (`dashboardPage.ts`), which the UI adds.
 */
import { Agent, request } from "node:http";

export interface Latency {
  name: string;
  path: string;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  /** rows or bytes of the answer, to see that it did what was asked */
  bytes: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/** GETs over one keep-alive connection with the token; the answer's status must be 200. */
export function createGetter(url: URL, token: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<string>((resolve, reject) => {
      const call = request({ host: url.hostname, port: url.port, path, agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode === 200) resolve(text);
          else reject(new Error(`GET ${path}: ${response.statusCode} ${text.slice(0, 300)}`));
        });
      });
      call.on("error", reject);
      call.end();
    });
  return { get, close: () => agent.destroy() };
}

/** `requests` sequential GETs of `paths` (in turn), after `warmup` unmeasured ones: p50, p99 and max in ms. */
export async function measurePaths(get: (path: string) => Promise<string>, name: string, paths: string[], requests: number, warmup = 3): Promise<Latency> {
  for (let index = 0; index < warmup; index++) await get(paths[index % paths.length]!);
  const times: number[] = [];
  let bytes = 0;
  for (let index = 0; index < requests; index++) {
    const started = performance.now();
    bytes = (await get(paths[index % paths.length]!)).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { name, path: paths[0]!, requests, p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: times.at(-1)!, bytes };
}

/** Reads every page of a paged route (`limit=1000`); the pages and rows it took. */
export async function walkAll(get: (path: string) => Promise<string>, path: string, key: string): Promise<{ pages: number; rows: number }> {
  let cursor: string | null = null;
  let pages = 0;
  let rows = 0;
  do {
    const page = JSON.parse(await get(`${path}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)) as Record<string, unknown> & { next: string | null };
    rows += (page[key] as unknown[]).length;
    cursor = page.next;
    pages++;
  } while (cursor !== null && pages < 1000);
  return { pages, rows };
}

const stages = ["dev", "staging", "prod"];
const regions = ["us", "eu", "ap"];

/**
 * The metrics query (a page of 1,000 versions with two metrics, over tag queries matching a
 * third, a ninth and a thirtieth of the versions, and all of them), the metric names and series
 * routes, each beside `/v1/health` (the HTTP round trip alone) and `GET /v1/models` (the
 * registry's tag search) in the same run.
 */
export async function measureMetrics(get: (path: string) => Promise<string>, requests: number): Promise<Latency[]> {
  const page = (query: string) => `/v1/dashboard/metrics?query=${encodeURIComponent(query)}&metric=auc&metric=loss&limit=1000`;
  return [
    await measurePaths(get, "health (peer: the round trip)", ["/v1/health"], requests),
    await measurePaths(get, "find models by a tag, 500 (peer)", stages.map((stage) => `/v1/models?tag=stage=${stage}&limit=500`), requests),
    await measurePaths(get, "metrics, 1 tag (a third), page of 1,000", stages.map((stage) => page(`stage=${stage}`)), requests),
    await measurePaths(get, "metrics, 2 tags (a ninth), page of 1,000", stages.flatMap((stage) => regions.map((region) => page(`stage=${stage},region=${region}`))), requests),
    await measurePaths(get, "metrics, 2 tags (a thirtieth), page of 1,000", stages.flatMap((stage, index) => [page(`stage=${stage},team=t${index}`)]), requests),
    await measurePaths(get, "metrics, no tag (all), page of 1,000", [page("")], requests),
    await measurePaths(get, "metric names, 1 tag", stages.map((stage) => `/v1/dashboard/metric-names?query=stage%3D${stage}`), Math.ceil(requests / 4)),
    await measurePaths(get, "series roc, last 50, 1 tag", stages.map((stage) => `/v1/dashboard/series?query=stage%3D${stage}&metric=roc&last=50`), requests),
  ];
}

/** Each usage view over the default window (28 days), beside `/v1/usage/summary` (the report `envelope usage` reads) in the same run. */
export async function measureUsage(get: (path: string) => Promise<string>, requests: number): Promise<Latency[]> {
  return [
    await measurePaths(get, "usage summary, 28 days (peer)", ["/v1/usage/summary?since=" + encodeURIComponent(new Date(Date.now() - 28 * 86_400_000).toISOString())], requests, 1),
    await measurePaths(get, "new users per week", ["/v1/usage/new-users"], requests, 1),
    await measurePaths(get, "functions", ["/v1/usage/functions"], requests, 1),
    await measurePaths(get, "errors, first page", ["/v1/usage/errors"], requests, 1),
    await measurePaths(get, "users, first page", ["/v1/usage/users"], requests, 1),
    await measurePaths(get, "one user", ["/v1/usage/users/user-7"], requests, 1),
    await measurePaths(get, "one team's functions", ["/v1/usage/functions?team=team-3"], requests, 1),
  ];
}
