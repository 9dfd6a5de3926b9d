import * as Plot from "@observablehq/plot";
import type { FunctionUsage, WeekUsers } from "../../core/dashboardTypes.ts";

/** One bar per week (Monday, UTC): how many users made their first call that week. */
export function newUsersChart(weeks: readonly WeekUsers[]): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width: 900,
    height: 260,
    x: { label: "week (Monday, UTC)", type: "band", tickFormat: (week: string) => week.slice(5) },
    y: { label: "new users", grid: true },
    marks: [Plot.barY(weeks, { x: "week", y: "users", fill: "steelblue", title: (row: WeekUsers) => `${row.week}: ${row.users} new users` }), Plot.ruleY([0])],
  });
}

/** One bar per client function: its calls, with its failures drawn over them in red. */
export function functionsChart(functions: readonly FunctionUsage[]): SVGSVGElement | HTMLElement {
  const title = (row: FunctionUsage) => `${row.fn}: ${row.calls} calls, ${row.failures} failed (${(row.failureRate * 100).toFixed(1)}%), ${row.users} users`;
  return Plot.plot({
    width: 900,
    height: Math.max(120, 28 * functions.length + 40),
    marginLeft: 120,
    marginRight: 90,
    x: { label: "calls", grid: true },
    y: { label: null, domain: functions.map((row) => row.fn) },
    marks: [
      Plot.barX(functions, { y: "fn", x: "calls", fill: "#9ab", title, className: "calls-bars" }),
      Plot.barX(functions, { y: "fn", x: "failures", fill: "#c33", title, className: "failure-bars" }),
      // the failure rate at the end of each bar, where the eye compares functions
      Plot.text(functions, { y: "fn", x: "calls", text: (row: FunctionUsage) => `${(row.failureRate * 100).toFixed(1)}% failed`, textAnchor: "start", dx: 6, className: "failure-rates" }),
      Plot.ruleX([0]),
    ],
  });
}
