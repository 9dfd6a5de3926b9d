import type { UserDetail } from "../../core/dashboardTypes.ts";
import { sinceOf } from "../../core/sinceOf.ts";
import { chartPanel, table } from "../chartPanel.ts";
import { h } from "../dom.ts";
import { emptyState, fill } from "../states.ts";
import type { ViewContext } from "./ViewContext.ts";

/** One user's calls per function and their latest failures. */
export function userDetail(root: HTMLElement, { api, params, signal }: ViewContext, user: string): void {
  const slot = h("div");
  const back = new URLSearchParams(params);
  back.delete("user");
  root.append(h("p", {}, h("a", { href: `#/usage${back.size ? `?${back}` : ""}` }, "← all users")), h("h2", {}, `User ${user}`), slot);
  void fill(slot, `${user}'s usage`, signal, async () => {
    const detail = await api.get<UserDetail>(`/v1/usage/users/${encodeURIComponent(user)}`, [["since", sinceOf(params, new Date())], ...(params["team"] ? [["team", params["team"]] as [string, string]] : [])]);
    if (detail.functions.length === 0) return emptyState(`\`${user}\` made no calls in this period: widen "last days"`);
    type Fn = UserDetail["functions"][number];
    type Failed = UserDetail["recentFailures"][number];
    const functions = chartPanel({
      id: `user-${user}-functions`,
      title: "Calls per function",
      rows: detail.functions,
      columns: (["fn", "calls", "failures"] as const).map((key) => ({ header: key, value: (row: Fn) => row[key] })),
      below: [table(detail.functions, [{ header: "function", cell: (row) => row.fn }, { header: "calls", cell: (row) => row.calls }, { header: "failures", cell: (row) => row.failures }])],
    });
    const failures = chartPanel({
      id: `user-${user}-failures`,
      title: `Recent failures (${detail.recentFailures.length})`,
      rows: detail.recentFailures,
      columns: (["at", "fn", "errorCode", "message"] as const).map((key) => ({ header: key, value: (row: Failed) => row[key] })),
      below: [detail.recentFailures.length ? table(detail.recentFailures, [{ header: "at", cell: (row) => row.at.replace("T", " ").slice(0, 19) }, { header: "function", cell: (row) => row.fn }, { header: "error", cell: (row) => row.errorCode ?? "" }, { header: "message", cell: (row) => row.message }]) : emptyState("no failures: every call succeeded")],
    });
    return h("div", {}, functions, failures);
  });
}
