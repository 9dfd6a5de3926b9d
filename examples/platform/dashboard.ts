import { Registry } from "@envelope/platform";

/**
 * The registry serves the dashboard at `/ui`, without a token: the page holds no data, and its
 * calls carry the token you paste. A view's settings are in the URL's hash, so a URL made by hand
 * (or copied from the address bar) opens that view.
 * @example platform.dashboard-open
 * @expect
 * GET /ui: 200 text/html; charset=utf-8, "Envelope dashboard"
 * http://127.0.0.1:{...}/ui#/metrics?color=region&metric=auc&query=stage%3Dprod
 */
export async function openDashboard() {
  const registry = process.env.ENVELOPE_REGISTRY_URL!;
  const page = await fetch(`${registry}/ui`);
  const title = /<title>(.*)<\/title>/.exec(await page.text())?.[1];
  console.log(`GET /ui: ${page.status} ${page.headers.get("content-type")}, "${title}"`);
  const view = new URLSearchParams({ color: "region", metric: "auc", query: "stage=prod" });
  console.log(`${registry}/ui#/metrics?${view}`);
}

/**
 * The scatter's data, as the page gets it: one row per version matching the tag query, with the
 * latest value of each asked metric, written here as the chart's CSV button writes it.
 * @example platform.dashboard-metrics
 * @expect
 * version,stage,auc,loss
 * ranker@1,prod,0.81,0.4
 * ranker@3,prod,0.86,0.31
 */
export async function dashboardMetrics() {
  const registry = Registry.fromEnv();
  for (const [stage, auc, loss] of [["prod", 0.81, 0.4], ["dev", 0.7, 0.5], ["prod", 0.86, 0.31]] as const) {
    const saved = await registry.save({ name: "ranker", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 0 }], tags: { stage } });
    await registry.logMetrics("ranker", saved.version, [{ name: "auc", kind: "scalar", value: auc }, { name: "loss", kind: "scalar", value: loss }]);
  }
  const query = new URLSearchParams([["query", "name=ranker,stage=prod"], ["metric", "auc"], ["metric", "loss"]]);
  const response = await fetch(`${process.env.ENVELOPE_REGISTRY_URL}/v1/dashboard/metrics?${query}`, { headers: { authorization: `Bearer ${process.env.ENVELOPE_TOKEN}` } });
  const { versions } = (await response.json()) as { versions: Array<{ name: string; version: number; tags: Record<string, string>; metrics: Record<string, number> }> };
  console.log("version,stage,auc,loss");
  for (const row of versions) console.log(`${row.name}@${row.version},${row.tags.stage},${row.metrics.auc},${row.metrics.loss}`);
}
