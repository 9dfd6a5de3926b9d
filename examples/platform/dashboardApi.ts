import { Registry } from "@envelope/platform";

/**
 * One metric across versions: `GET /v1/dashboard/metrics` gives a row per version matching a tag
 * query (`stage=prod`, as `envelope find` takes it) with the latest logged value of each asked
 * metric, oldest first, a page at a time (`limit` up to 1,000, then `cursor=<next>`).
 * @example platform.dashboard-api-metrics
 * @expect
 * scalar metrics: auc, loss; series: roc
 * dash-churn@2 {"auc":0.84,"loss":0.31}
 * dash-churn@3 {"auc":0.88,"loss":0.27}
 * next page: none
 */
export async function dashboardMetrics() {
  const registry = Registry.fromEnv();
  const runs = [{ stage: "dev", auc: 0.79, loss: 0.35 }, { stage: "prod", auc: 0.84, loss: 0.31 }, { stage: "prod", auc: 0.88, loss: 0.27 }];
  for (const run of runs) {
    const saved = await registry.save({ name: "dash-churn", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }], tags: { stage: run.stage }, metrics: [{ name: "auc", kind: "scalar", value: run.auc }] });
    await registry.logMetrics("dash-churn", saved.version, [{ name: "loss", kind: "scalar", value: run.loss }, { name: "roc", kind: "series", points: [{ x: 0, y: 0 }, { x: 0.2, y: run.auc }, { x: 1, y: 1 }] }]);
  }

  const get = async (path: string) => (await fetch(new URL(path, process.env["ENVELOPE_REGISTRY_URL"]), { headers: { authorization: `Bearer ${process.env["ENVELOPE_TOKEN"]}` } })).json() as Promise<any>;
  const names = await get("/v1/dashboard/metric-names?query=name=dash-churn");
  console.log(`scalar metrics: ${names.scalar.join(", ")}; series: ${names.series.join(", ")}`);
  const page = await get("/v1/dashboard/metrics?query=name=dash-churn,stage=prod&metric=auc&metric=loss&limit=100");
  for (const row of page.versions as Array<{ name: string; version: number; metrics: Record<string, number> }>) console.log(`${row.name}@${row.version} ${JSON.stringify(row.metrics)}`);
  console.log(`next page: ${page.next ?? "none"}`);
}

/**
 * Curves of the newest versions, to overlay: `GET /v1/dashboard/series` gives a series metric
 * (its latest logged points) of the `last` newest versions that logged it, newest first.
 * @example platform.dashboard-api-series
 * @expect
 * dash-roc@3: (0, 0) (0.2, 0.9) (1, 1)
 * dash-roc@2: (0, 0) (0.2, 0.8) (1, 1)
 */
export async function dashboardSeries() {
  const registry = Registry.fromEnv();
  for (const y of [0.7, 0.8, 0.9]) {
    const saved = await registry.save({ name: "dash-roc", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }] });
    await registry.logMetrics("dash-roc", saved.version, [{ name: "roc", kind: "series", points: [{ x: 0, y: 0 }, { x: 0.2, y }, { x: 1, y: 1 }] }]);
  }
  const url = new URL("/v1/dashboard/series?query=name=dash-roc&metric=roc&last=2", process.env["ENVELOPE_REGISTRY_URL"]);
  const { versions } = (await (await fetch(url, { headers: { authorization: `Bearer ${process.env["ENVELOPE_TOKEN"]}` } })).json()) as { versions: Array<{ name: string; version: number; points: Array<{ x: number; y: number }> }> };
  for (const row of versions) console.log(`${row.name}@${row.version}: ${row.points.map((point) => `(${point.x}, ${point.y})`).join(" ")}`);
}

/**
 * Usage views, counted by the database: calls and failures per function, the most frequent
 * errors with their suggested fix, one user's calls. Each takes `since` (default: 28 days ago);
 * a token sees its team's usage, an admin's every team's (or `team=`). Lists are paged like the
 * metrics. The dashboard's own reads are tracked like every client call: here, one that
 * succeeds and two that ask for too large a page.
 * @example platform.usage-views
 * @expect
 * usageUsers: 3 calls, 2 failures (66.7%), 1 user
 * 2 x ENVELOPE_INVALID in usageUsers, last at {...}
 *   fix: Fix the request as the message says.
 * ada: usageUsers 3 calls, 2 failed
 */
export async function usageViews() {
  const since = new Date();
  const registry = Registry.fromEnv();
  await registry.dashboard.users({ since });
  for (let attempt = 0; attempt < 2; attempt++) await registry.dashboard.users({ limit: 5000 }).catch(() => {});
  await registry.flush();

  const get = async (path: string) => (await fetch(new URL(path, process.env["ENVELOPE_REGISTRY_URL"]), { headers: { authorization: `Bearer ${process.env["ENVELOPE_TOKEN"]}` } })).json() as Promise<any>;
  const { functions } = await get(`/v1/usage/functions?since=${since.toISOString()}`);
  const users = functions.find((row: { fn: string }) => row.fn === "usageUsers");
  console.log(`usageUsers: ${users.calls} calls, ${users.failures} failures (${(users.failureRate * 100).toFixed(1)}%), ${users.users} user`);
  const { errors } = await get(`/v1/usage/errors?since=${since.toISOString()}&fn=usageUsers&limit=5`);
  for (const error of errors) console.log(`${error.count} x ${error.errorCode} in ${error.fn}, last at ${error.lastAt}\n  fix: ${error.fix}`);
  const ada = await get(`/v1/usage/users/ada?since=${since.toISOString()}`);
  const calls = ada.functions.find((row: { fn: string }) => row.fn === "usageUsers");
  console.log(`ada: usageUsers ${calls.calls} calls, ${calls.failures} failed`);
}

/**
 * A client with an alert webhook also keeps each alert it posted in the registry, with the
 * webhook's answer: `GET /v1/alerts` lists them, newest first (your team's; an admin's, all).
 * @example platform.alerts-recorded
 * @expect
 * ENVELOPE_NOT_FOUND, webhook answered 200, from client by ada: get failed for ada (churn) on dash-missing: ENVELOPE_NOT_FOUND (404)
 */
export async function recordedAlerts() {
  const registry = Registry.fromEnv({ alerts: { webhook: `${process.env["ENVELOPE_WEBHOOKS"]}/dashboard-demo` } });
  await registry.get("dash-missing").catch(() => {});
  await registry.flush();

  const url = new URL("/v1/alerts?limit=1", process.env["ENVELOPE_REGISTRY_URL"]);
  const { alerts } = (await (await fetch(url, { headers: { authorization: `Bearer ${process.env["ENVELOPE_TOKEN"]}` } })).json()) as { alerts: Array<{ kind: string; status: number | null; source: string; user: string; text: string }> };
  for (const alert of alerts) console.log(`${alert.kind}, webhook answered ${alert.status}, from ${alert.source} by ${alert.user}: ${alert.text}`);
}
