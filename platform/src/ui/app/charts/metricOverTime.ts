import * as Plot from "@observablehq/plot";
import type { MetricRow } from "../../core/dashboardTypes.ts";
import { tagGroup, versionHover } from "../../core/versionLabel.ts";

/**
 * One dot per version: when it was made (x) and its latest `metric` (y), colored by the value of
 * tag `colorTag` and, with `facetTag`, in one row of charts per value of that tag; hovering a dot
 * names the version and its tags.
 */
export function metricOverTime(rows: readonly MetricRow[], metric: string, colorTag: string, facetTag = ""): SVGSVGElement | HTMLElement {
  const facets = facetTag ? new Set(rows.map((row) => tagGroup(row, facetTag))).size : 1;
  return Plot.plot({
    width: 900,
    height: facetTag ? Math.max(360, 40 + 160 * facets) : 360,
    marginLeft: 56,
    marginRight: facetTag ? 90 : 20,
    ...(facetTag ? { fy: { label: facetTag } } : {}),
    x: { type: "utc", label: "created" },
    y: { label: metric, grid: true },
    color: { type: "ordinal", scheme: "tableau10", legend: true, label: colorTag },
    marks: [
      Plot.dot(rows, {
        x: (row: MetricRow) => new Date(row.createdAt),
        y: (row: MetricRow) => row.metrics[metric],
        fill: (row: MetricRow) => tagGroup(row, colorTag),
        ...(facetTag ? { fy: (row: MetricRow) => tagGroup(row, facetTag) } : {}),
        r: 3.5,
        title: (row: MetricRow) => versionHover(row, [`${metric} = ${row.metrics[metric]}`]),
      }),
    ],
  });
}
