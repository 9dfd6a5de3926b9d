import type { AlertRow } from "../../core/dashboardTypes.ts";
import { chartPanel, table } from "../chartPanel.ts";
import { h } from "../dom.ts";
import { emptyState, fill } from "../states.ts";
import type { View } from "./ViewContext.ts";

const columns = [
  { header: "at", value: (row: AlertRow) => row.at },
  { header: "kind", value: (row: AlertRow) => row.kind },
  { header: "status", value: (row: AlertRow) => row.status },
  { header: "source", value: (row: AlertRow) => row.source },
  { header: "user", value: (row: AlertRow) => row.user },
  { header: "team", value: (row: AlertRow) => row.team },
  { header: "text", value: (row: AlertRow) => row.text },
];

/** A webhook's answer as a badge: its status code, red when it was not a 2xx or never came. */
function statusBadge(status: number | null): HTMLElement {
  const ok = status !== null && status >= 200 && status < 300;
  return h("span", { class: `status ${ok ? "ok" : "failed"}`, "data-status": status ?? "none" }, status === null ? "no answer" : String(status));
}

/** The latest alerts the registry was told were sent, newest first, with the webhook's status code. */
export const alertsView: View = (root, { api, params, navigate, signal }) => {
  const limit = Math.min(Math.max(Number(params["limit"] ?? 100) || 100, 1), 1000);
  const slot = h("div");
  root.append(h("h1", {}, "Alerts"), slot);
  void fill(slot, "alerts", signal, async () => {
    const page = await api.get<{ alerts: AlertRow[]; next: string | null }>("/v1/alerts", [["limit", String(limit)]]);
    if (page.alerts.length === 0) return emptyState("no alerts recorded yet: alerters given a `record` sink report each alert they post here (see the docs' Usage tracking and alerts)");
    const more = page.next ? h("button", { type: "button", onclick: () => navigate({ ...params, limit: String(Math.min(limit * 2, 1000)) }) }, "Show more") : null;
    const list = table(page.alerts, [
      { header: "at", cell: (row) => row.at.replace("T", " ").slice(0, 19) },
      { header: "kind", cell: (row) => row.kind },
      { header: "status", cell: (row) => statusBadge(row.status) },
      { header: "source", cell: (row) => row.source },
      { header: "user", cell: (row) => (row.user ? `${row.user} (${row.team ?? ""})` : "") },
      { header: "text", cell: (row) => row.text },
    ]);
    return chartPanel({ id: "alerts", title: `Latest ${page.alerts.length} alerts`, rows: page.alerts, columns, below: [list, ...(more ? [more] : [])] });
  });
};
