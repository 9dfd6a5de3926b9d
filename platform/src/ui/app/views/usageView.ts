import type { ErrorUsage, FunctionUsage, UserUsage, WeekUsers } from "../../core/dashboardTypes.ts";
import { sinceOf } from "../../core/sinceOf.ts";
import { chartPanel, table } from "../chartPanel.ts";
import { functionsChart, newUsersChart } from "../charts/usageCharts.ts";
import { h } from "../dom.ts";
import { emptyState, fill } from "../states.ts";
import { controls } from "./controls.ts";
import { userDetail } from "./userDetail.ts";
import type { View } from "./ViewContext.ts";

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/**
 * Usage and failures, aggregated by the registry: new users per week, calls and failure rate per
 * client function, the top errors with their suggested fix, and the users, each a link to what
 * that user called and how it failed.
 */
export const usageView: View = (root, context) => {
  const { api, params, navigate, signal } = context;
  root.append(
    h("h1", {}, "Usage"),
    controls([{ name: "days", label: "last days", type: "number" }, { name: "team", label: "team", placeholder: "(every team you may read)" }], { days: "28", ...params }, (next) => navigate({ days: next["days"] ?? "", team: next["team"] ?? "" })),
  );
  if (params["user"]) return userDetail(root, context, params["user"]);
  const since: [string, string] = ["since", sinceOf(params, new Date())];
  const team: Array<[string, string]> = params["team"] ? [["team", params["team"]]] : [];
  const slots = { weeks: h("div"), functions: h("div"), errors: h("div"), users: h("div") };
  root.append(slots.weeks, slots.functions, slots.errors, slots.users);
  const none = emptyState(`no calls recorded since ${since[1].slice(0, 10)}${params["team"] ? ` by team \`${params["team"]}\`` : ""}: clients record them when given a registry sink (see Usage tracking and alerts)`);
  void fill(slots.weeks, "new users", signal, async () => {
    const { weeks } = await api.get<{ weeks: WeekUsers[] }>("/v1/usage/new-users", [since, ...team]);
    if (weeks.length === 0) return none.cloneNode(true);
    const columns = [{ header: "week", value: (row: WeekUsers) => row.week }, { header: "users", value: (row: WeekUsers) => row.users }];
    return chartPanel({ id: "new-users", title: `New users per week: ${weeks.reduce((sum, row) => sum + row.users, 0)} in ${weeks.length} weeks`, chart: newUsersChart(weeks), rows: weeks, columns });
  });
  void fill(slots.functions, "calls per function", signal, async () => {
    const { functions } = await api.get<{ functions: FunctionUsage[] }>("/v1/usage/functions", [since, ...team]);
    if (functions.length === 0) return none.cloneNode(true);
    const columns = (["fn", "calls", "failures", "failureRate", "users"] as const).map((key) => ({ header: key, value: (row: FunctionUsage) => row[key] }));
    const list = table(functions, [
      { header: "function", cell: (row) => row.fn },
      { header: "calls", cell: (row) => row.calls },
      { header: "failures", cell: (row) => row.failures },
      { header: "failure rate", cell: (row) => percent(row.failureRate) },
      { header: "users", cell: (row) => row.users },
    ]);
    return chartPanel({ id: "functions", title: `Calls and failures per function (${functions.length})`, chart: functionsChart(functions), rows: functions, columns, below: [list] });
  });
  void fill(slots.errors, "top errors", signal, async () => {
    const { errors } = await api.get<{ errors: ErrorUsage[] }>("/v1/usage/errors", [since, ...team, ...(params["fn"] ? [["fn", params["fn"]] as [string, string]] : []), ["limit", "20"]]);
    if (errors.length === 0) return emptyState(`no failed calls since ${since[1].slice(0, 10)}`);
    const columns = (["fn", "errorClass", "errorCode", "message", "count", "users", "lastAt", "fix"] as const).map((key) => ({ header: key, value: (row: ErrorUsage) => row[key] }));
    const list = table(errors, [
      { header: "function", cell: (row) => row.fn },
      { header: "error", cell: (row) => h("span", {}, h("code", {}, row.errorCode ?? row.errorClass), h("br"), row.message) },
      { header: "count", cell: (row) => row.count },
      { header: "users", cell: (row) => row.users },
      { header: "last", cell: (row) => row.lastAt.replace("T", " ").slice(0, 16) },
      { header: "suggested fix", cell: (row) => row.fix ?? "" },
    ]);
    return chartPanel({ id: "errors", title: "Top errors", rows: errors, columns, below: [list] });
  });
  void fill(slots.users, "users", signal, async () => {
    const { users } = await api.get<{ users: UserUsage[] }>("/v1/usage/users", [since, ...team, ["limit", "20"]]);
    if (users.length === 0) return none.cloneNode(true);
    const columns = (["user", "team", "firstAt", "calls", "failures"] as const).map((key) => ({ header: key, value: (row: UserUsage) => row[key] }));
    const link = (row: UserUsage) => h("a", { href: `#/usage?${new URLSearchParams({ ...params, user: row.user })}`, "data-user": row.user }, row.user);
    const list = table(users, [
      { header: "user", cell: link },
      { header: "team", cell: (row) => row.team },
      { header: "first call", cell: (row) => row.firstAt.slice(0, 10) },
      { header: "calls", cell: (row) => row.calls },
      { header: "failures", cell: (row) => row.failures },
    ]);
    return chartPanel({ id: "users", title: `Users with the most calls (${users.length})`, rows: users, columns, below: [list] });
  });
};
