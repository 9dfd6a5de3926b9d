import * as Plot from "@observablehq/plot";
import type { SeriesRow } from "../../core/dashboardTypes.ts";
import { versionHover, versionLabel } from "../../core/versionLabel.ts";

export interface SeriesPoint {
  label: string;
  x: number;
  y: number;
  row: SeriesRow;
}

/** The points of every version's series, each with its version's label: the chart's and the CSV's rows. */
export function seriesPoints(rows: readonly SeriesRow[]): SeriesPoint[] {
  return rows.flatMap((row) => row.points.map((point) => ({ label: versionLabel(row), x: point.x, y: point.y, row })));
}

/** One line per version: its series `metric` as logged, colored by version; hover names it. */
export function seriesOverlay(points: readonly SeriesPoint[], metric: string): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width: 900,
    height: 360,
    marginLeft: 56,
    x: { label: `${metric} x`, grid: true },
    y: { label: `${metric} y`, grid: true },
    color: { type: "ordinal", scheme: "tableau10", legend: true, label: "version" },
    marks: [Plot.line(points, { x: "x", y: "y", z: "label", stroke: "label", title: (point: SeriesPoint) => versionHover(point.row) })],
  });
}
