import { tagQueryParams } from "../../core/tagQueryParams.ts";
import { chartPanel, table } from "../chartPanel.ts";
import type { ModelSummary } from "../../core/dashboardTypes.ts";
import { h } from "../dom.ts";
import { emptyState, fill } from "../states.ts";
import { modelDetail } from "./modelDetail.ts";
import type { View } from "./ViewContext.ts";
import { controls } from "./controls.ts";
import { tagChips } from "./tagChips.ts";

const columns = [
  { header: "name", value: (row: ModelSummary) => row.name },
  { header: "version", value: (row: ModelSummary) => row.version },
  { header: "team", value: (row: ModelSummary) => row.team },
  { header: "owner", value: (row: ModelSummary) => row.owner },
  { header: "createdAt", value: (row: ModelSummary) => row.createdAt },
  { header: "tags", value: (row: ModelSummary) => Object.entries(row.tags).map(([key, value]) => `${key}=${value}`).join(" ") },
];

/**
 * Models: each name's latest version matching a tag query, and, for a chosen model, its versions
 * and one version's envelope (tags, shape, context, summary statistics, metrics).
 */
export const modelsView: View = (root, context) => {
  const { api, params, navigate, signal } = context;
  const query = params["query"] ?? "";
  const slot = h("div");
  root.append(h("h1", {}, "Models"), controls([{ name: "query", label: "tag query", placeholder: "stage=prod,team=churn" }], params, (next) => navigate({ query: next["query"] ?? "" })), slot);
  if (params["model"]) {
    modelDetail(slot, context, params["model"]);
    return;
  }
  void fill(slot, "models", signal, async () => {
    const { models } = await api.get<{ models: ModelSummary[] }>("/v1/models", [...tagQueryParams(query), ["latest", "true"], ["limit", "500"]]);
    if (models.length === 0) return emptyState(query ? `no model's latest version matches \`${query}\`: loosen the query (the list shows each model's latest version), or look for older versions with \`envelope find\`` : "no models saved yet: save one with `registry.save(...)` (see Saving a model)");
    const list = table(models, [
      { header: "name", cell: (row) => h("a", { href: `#/models?${new URLSearchParams({ ...(query ? { query } : {}), model: row.name })}`, "data-model": row.name }, row.name) },
      { header: "latest", cell: (row) => `v${row.version}` },
      { header: "team", cell: (row) => row.team },
      { header: "created", cell: (row) => row.createdAt.slice(0, 10) },
      { header: "tags", cell: (row) => tagChips(row.tags) },
      { header: "description", cell: (row) => row.description },
    ]);
    return chartPanel({ id: "models", title: `${models.length} models${query ? ` matching ${query}` : ""}`, rows: models, columns, below: [list] });
  });
};
