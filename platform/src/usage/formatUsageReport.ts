import type { UsageReport } from "./usageReport.ts";

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The usage report as the terminal shows it: three short sections, plain text. */
export function formatUsageReport(report: UsageReport): string {
  const lines: string[] = [`Usage in the last ${report.days} day${report.days === 1 ? "" : "s"}`, ""];
  lines.push(`New users: ${report.newUsers.length}`);
  for (const user of report.newUsers) lines.push(`  ${user.user} (${user.team ?? "no team"}) since ${user.firstSeen.slice(0, 10)}`);
  lines.push("", "Calls per function:");
  if (report.functions.length === 0) lines.push("  none");
  else lines.push(...table(["function", "calls", "failures", "failure rate"], report.functions.map((usage) => [usage.fn, String(usage.calls), String(usage.failures), `${(usage.failureRate * 100).toFixed(1)}%`])).map((line) => `  ${line}`));
  lines.push("", "Top errors:");
  if (report.topErrors.length === 0) lines.push("  none");
  for (const error of report.topErrors) lines.push(`  ${error.count} x ${error.error} (${error.users} user${error.users === 1 ? "" : "s"}): ${error.message}`);
  return lines.join("\n");
}
