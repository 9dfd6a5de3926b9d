import type { MetricNames, MetricRow, SeriesRow } from "../../core/dashboardTypes.ts";
import { tagGroup, versionLabel } from "../../core/versionLabel.ts";
import { chartPanel } from "../chartPanel.ts";
import { metricOverTime } from "../charts/metricOverTime.ts";
import { metricScatter } from "../charts/metricScatter.ts";
import { seriesOverlay, seriesPoints, type SeriesPoint } from "../charts/seriesOverlay.ts";
import { h } from "../dom.ts";
import { emptyState, fill } from "../states.ts";
import { controls } from "./controls.ts";
import type { ViewContext, View } from "./ViewContext.ts";

/** the most versions one chart draws; the panel says when there were more */
const maxVersions = 20_000;

const quoted = (query: string) => (query ? `\`${query}\`` : "the registry");

function overTime({ api, signal }: ViewContext, slot: HTMLElement, query: string, metric: string, color: string, facet: string): void {
  void fill(slot, `${metric} of every version`, signal, async () => {
    const { items, truncated } = await api.all<MetricRow>("/v1/dashboard/metrics", [["query", query], ["metric", metric]], "versions", maxVersions);
    if (items.length === 0) return emptyState(`no version matching ${quoted(query)} logged \`${metric}\`: pick another metric or loosen the query`);
    return chartPanel({
      id: `metric-over-time-${metric}`,
      title: `${metric} over time: ${items.length}${truncated ? ` (the first ${maxVersions})` : ""} versions, colored by ${color}${facet ? `, one row per ${facet}` : ""}`,
      chart: metricOverTime(items, metric, color, facet),
      rows: items,
      columns: [
        { header: "version", value: versionLabel },
        { header: "createdAt", value: (row) => row.createdAt },
        { header: color, value: (row) => tagGroup(row, color) },
        ...(facet && facet !== color ? [{ header: facet, value: (row: MetricRow) => tagGroup(row, facet) }] : []),
        { header: metric, value: (row) => row.metrics[metric] },
      ],
    });
  });
}

function scatter({ api, signal }: ViewContext, slot: HTMLElement, query: string, x: string, y: string, color: string): void {
  void fill(slot, `${x} against ${y}`, signal, async () => {
    const metrics: Array<[string, string]> = x === y ? [["metric", x]] : [["metric", x], ["metric", y]];
    const { items, truncated } = await api.all<MetricRow>("/v1/dashboard/metrics", [["query", query], ...metrics], "versions", maxVersions);
    if (items.length === 0) return emptyState(`no version matching ${quoted(query)} logged both \`${x}\` and \`${y}\``);
    return chartPanel({
      id: `scatter-${x}-${y}`,
      title: `${y} against ${x}: ${items.length}${truncated ? ` (the first ${maxVersions})` : ""} versions`,
      chart: metricScatter(items, x, y, color),
      rows: items,
      columns: [
        { header: "version", value: versionLabel },
        { header: color, value: (row) => tagGroup(row, color) },
        { header: x, value: (row) => row.metrics[x] },
        { header: y, value: (row) => row.metrics[y] },
      ],
    });
  });
}

function series({ api, signal }: ViewContext, slot: HTMLElement, query: string, metric: string, last: string): void {
  void fill(slot, `${metric} of the last ${last} versions`, signal, async () => {
    const { versions } = await api.get<{ versions: SeriesRow[] }>("/v1/dashboard/series", [["query", query], ["metric", metric], ["last", last]]);
    if (versions.length === 0) return emptyState(`no version matching ${quoted(query)} logged the series \`${metric}\``);
    const points = seriesPoints(versions);
    return chartPanel<SeriesPoint>({
      id: `series-${metric}`,
      title: `${metric} of the last ${versions.length} versions`,
      chart: seriesOverlay(points, metric),
      rows: points,
      columns: [
        { header: "version", value: (point) => point.label },
        { header: "x", value: (point) => point.x },
        { header: "y", value: (point) => point.y },
      ],
    });
  });
}

/**
 * Metrics across models: a metric of every version matching a tag query over time, two metrics
 * against each other, and a series metric of the last N versions overlaid. Metric choices come
 * from the names logged on the matching versions; every setting is in the URL.
 */
export const metricsView: View = (root, context) => {
  const { api, params, navigate, signal } = context;
  const query = params["query"] ?? "";
  const color = params["color"] ?? "stage";
  const facet = params["facet"] ?? "";
  const form = h("div");
  const slots = { overTime: h("div"), scatter: h("div"), series: h("div") };
  root.append(h("h1", {}, "Metrics"), form, slots.overTime, slots.scatter, slots.series);
  // a chart whose metrics the URL names starts at once, beside the metric names (a shared URL
  // names them all); the others start with the names' defaults
  const started = new Set<keyof typeof slots>();
  const last = params["last"] ?? "5";
  const once = (chart: keyof typeof slots, draw: () => void) => {
    if (started.has(chart)) return;
    started.add(chart);
    draw();
  };
  const start = ({ metric, x, y, series: curve }: { metric?: string | undefined; x?: string | undefined; y?: string | undefined; series?: string | undefined }) => {
    if (metric) once("overTime", () => overTime(context, slots.overTime, query, metric, color, facet));
    if (x && y) once("scatter", () => scatter(context, slots.scatter, query, x, y, color));
    if (curve) once("series", () => series(context, slots.series, query, curve, last));
  };
  start({ metric: params["metric"], x: params["x"], y: params["y"], series: params["series"] });
  void fill(form, "metric names", signal, async () => {
    const names = await api.get<MetricNames>("/v1/dashboard/metric-names", [["query", query]]);
    const retry = controls([{ name: "query", label: "tag query", placeholder: "stage=prod" }], params, navigate);
    if (names.scalar.length === 0 && names.series.length === 0) {
      return h("div", {}, retry, emptyState(query ? `no versions match \`${query}\`: loosen the query (an empty one matches every version)` : "no metrics logged yet: log some with `registry.logMetrics(...)` (see Metrics)"));
    }
    const chosen = {
      metric: params["metric"] ?? names.scalar[0] ?? "",
      x: params["x"] ?? names.scalar[0] ?? "",
      y: params["y"] ?? names.scalar[1] ?? names.scalar[0] ?? "",
      series: params["series"] ?? names.series[0] ?? "",
      last,
    };
    start(chosen);
    if (!chosen.series) slots.series.replaceChildren(emptyState(`no version matching ${quoted(query)} logged a series metric`));
    return controls(
      [
        { name: "query", label: "tag query", placeholder: "stage=prod" },
        { name: "metric", label: "metric", choices: names.scalar },
        { name: "color", label: "color by tag", placeholder: "stage" },
        { name: "facet", label: "a row per tag", placeholder: "(none)" },
        { name: "x", label: "scatter x", choices: names.scalar },
        { name: "y", label: "scatter y", choices: names.scalar },
        { name: "series", label: "series", choices: names.series },
        { name: "last", label: "last", type: "number" },
      ],
      { ...params, ...chosen, color },
      navigate,
    );
  });
};
