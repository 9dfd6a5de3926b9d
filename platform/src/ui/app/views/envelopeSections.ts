import type { Field, SavedEnvelope } from "../../../envelope/Envelope.ts";
import { h } from "../dom.ts";
import { chartPanel, table } from "../chartPanel.ts";

/** a feature's summary statistics as one table row, whatever its kind; the other kinds' fields absent */
type FeatureRow = { name: string; type: string; count: number; nulls: number; min?: number | null; max?: number | null; mean?: number | null; distinct?: number; trues?: number };

const round = (value: number | null | undefined) => (value === null || value === undefined ? "" : Number.isInteger(value) ? String(value) : value.toPrecision(4));

function fields(title: string, list: Field[]): HTMLElement {
  return h("div", {}, h("h4", {}, title), table(list, [{ header: "field", cell: (f) => f.name }, { header: "type", cell: (f) => f.type + (f.nullable ? " | null" : "") }]));
}

/** The sections of one version's page: what it is, its tags, shape, context, feature statistics and metrics. */
export function envelopeSections(envelope: SavedEnvelope): HTMLElement[] {
  const tags = Object.entries(envelope.tags).map(([key, value]) => ({ key, value }));
  const packages = Object.entries(envelope.context.packages).map(([name, version]) => ({ name, version }));
  const features: FeatureRow[] = Object.entries(envelope.data.features).map(([name, summary]) => ({ name, ...summary }));
  const scalars = envelope.data.metrics.filter((metric) => metric.kind === "scalar");
  const series = envelope.data.metrics.filter((metric) => metric.kind === "series");
  return [
    h("h3", {}, `${envelope.name}@${envelope.version}`),
    h("p", {}, `${envelope.description || "(no description)"} — by ${envelope.owner} (${envelope.team}), ${envelope.createdAt}; artifact ${envelope.function.artifact.mediaType}, ${envelope.function.artifact.size} bytes`),
    h("div", { class: "columns" },
      h("div", {}, h("h4", {}, "Tags"), table(tags, [{ header: "key", cell: (t) => t.key }, { header: "value", cell: (t) => t.value }])),
      fields("Inputs", envelope.function.shape.inputs),
      fields("Outputs", envelope.function.shape.outputs),
      h("div", {}, h("h4", {}, `Context: node ${envelope.context.node}`), table(packages, [{ header: "package", cell: (p) => p.name }, { header: "version", cell: (p) => p.version }]), envelope.context.code ? h("p", {}, `custom code: ${envelope.context.code.entry}`) : null),
    ),
    chartPanel({
      id: `features-${envelope.name}-${envelope.version}`,
      title: "Summary statistics",
      rows: features,
      columns: ["name", "type", "count", "nulls", "min", "max", "mean", "distinct", "trues"].map((key) => ({ header: key, value: (row: Record<string, unknown>) => row[key] as string | number | null | undefined })),
      below: [table(features, [
        { header: "feature", cell: (f) => f.name },
        { header: "type", cell: (f) => f.type },
        { header: "count", cell: (f) => f.count },
        { header: "nulls", cell: (f) => f.nulls },
        { header: "min", cell: (f) => round(f.min) },
        { header: "mean", cell: (f) => round(f.mean) },
        { header: "max", cell: (f) => round(f.max) },
        { header: "distinct / trues", cell: (f) => f.distinct ?? f.trues ?? "" },
      ])],
    }),
    chartPanel({
      id: `metrics-${envelope.name}-${envelope.version}`,
      title: "Metrics",
      rows: scalars,
      columns: [{ header: "name", value: (m) => m.name }, { header: "value", value: (m) => m.value }, { header: "step", value: (m) => m.step }],
      below: [
        table(scalars, [{ header: "metric", cell: (m) => m.name }, { header: "value", cell: (m) => round(m.value) }, { header: "step", cell: (m) => m.step ?? "" }]),
        h("p", {}, series.length ? `series: ${series.map((m) => `${m.name} (${m.points.length} points)`).join(", ")} — see Metrics to overlay them across versions` : "no series metrics"),
      ],
    }),
  ];
}
