import * as Plot from "@observablehq/plot";
import type { MetricRow } from "../../core/dashboardTypes.ts";
import { tagGroup, versionHover } from "../../core/versionLabel.ts";

/** One dot per version: metric `x` against metric `y`, colored by tag `colorTag`; hover names it. */
export function metricScatter(rows: readonly MetricRow[], x: string, y: string, colorTag: string): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width: 900,
    height: 400,
    marginLeft: 56,
    x: { label: x, grid: true },
    y: { label: y, grid: true },
    color: { type: "ordinal", scheme: "tableau10", legend: true, label: colorTag },
    marks: [
      Plot.dot(rows, {
        x: (row: MetricRow) => row.metrics[x],
        y: (row: MetricRow) => row.metrics[y],
        stroke: (row: MetricRow) => tagGroup(row, colorTag),
        r: 3.5,
        title: (row: MetricRow) => versionHover(row, [`${x} = ${row.metrics[x]}`, `${y} = ${row.metrics[y]}`]),
      }),
    ],
  });
}
