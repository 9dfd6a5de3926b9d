import { h } from "../dom.ts";
import { chartPanel, table } from "../chartPanel.ts";
import { emptyState, fill } from "../states.ts";
import type { ModelSummary } from "../../core/dashboardTypes.ts";
import { tagChips } from "./tagChips.ts";
import type { ViewContext } from "./ViewContext.ts";
import type { SavedEnvelope } from "../../../envelope/Envelope.ts";
import { envelopeSections } from "./envelopeSections.ts";

/** A model's versions (newest first) and the chosen one's envelope, `version` from the URL or the newest. */
export function modelDetail(slot: HTMLElement, { api, params, signal }: ViewContext, name: string): void {
  const versionsSlot = h("div");
  const envelopeSlot = h("div");
  const back = new URLSearchParams(params["query"] ? { query: params["query"] } : {}).toString();
  slot.append(h("p", {}, h("a", { href: `#/models${back ? `?${back}` : ""}` }, "← all models")), h("h2", {}, name), envelopeSlot, versionsSlot);
  void fill(versionsSlot, `versions of ${name}`, signal, async () => {
    const { models } = await api.get<{ models: ModelSummary[] }>("/v1/models", [["tag", `name=${name}`], ["limit", "500"]]);
    if (models.length === 0) return emptyState(`no model named \`${name}\`: pick one from the list`);
    // the version shown above is marked; without one in the URL, that is the newest
    const shown = params["version"] ?? String(models[0]!.version);
    const link = (row: ModelSummary) => h("a", { href: `#/models?${new URLSearchParams({ ...params, version: String(row.version) })}`, "data-version": row.version, class: String(row.version) === shown ? "current" : undefined, "aria-current": String(row.version) === shown ? "true" : undefined }, `v${row.version}`);
    const list = table(models, [
      { header: "version", cell: link },
      { header: "created", cell: (row) => row.createdAt.replace("T", " ").slice(0, 19) },
      { header: "owner", cell: (row) => row.owner },
      { header: "tags", cell: (row) => tagChips(row.tags) },
    ]);
    const columns = [
      { header: "version", value: (row: ModelSummary) => row.version },
      { header: "createdAt", value: (row: ModelSummary) => row.createdAt },
      { header: "tags", value: (row: ModelSummary) => JSON.stringify(row.tags) },
    ];
    return chartPanel({ id: `versions-${name}`, title: `${models.length} versions`, rows: models, columns, below: [list] });
  });
  const version = params["version"] ?? "latest";
  void fill(envelopeSlot, `${name} v${version}`, signal, async () => {
    const envelope = await api.get<SavedEnvelope>(`/v1/models/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`);
    return h("div", { class: "envelope", "data-envelope": `${envelope.name}@${envelope.version}` }, ...envelopeSections(envelope));
  });
}
