import * as Plot from "@observablehq/plot";
import type { MetricRow } from "../../core/dashboardTypes.ts";
import { tagGroup, versionHover } from "../../core/versionLabel.ts";

/**
 * One dot per version: when it was made (x) and its latest `metric` (y), colored by the value of
 * tag `colorTag`; hovering a dot names the version and its tags.
 */
export function metricOverTime(rows: readonly MetricRow[], metric: string, colorTag: string): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width: 900,
    height: 360,
    marginLeft: 56,
    x: { type: "utc", label: "created" },
    y: { label: metric, grid: true },
    color: { type: "ordinal", scheme: "tableau10", legend: true, label: colorTag },
    marks: [
      Plot.dot(rows, {
        x: (row: MetricRow) => new Date(row.createdAt),
        y: (row: MetricRow) => row.metrics[metric],
        fill: (row: MetricRow) => tagGroup(row, colorTag),
        r: 3.5,
        title: (row: MetricRow) => versionHover(row, [`${metric} = ${row.metrics[metric]}`]),
      }),
    ],
  });
}
