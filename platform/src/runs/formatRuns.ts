import type { BatchRun } from "./BatchRun.ts";

/** `ms` as a person reads a run's length: 850 ms, 12.3 s, 4 min 05 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/** A run's drift counts by field name, `age 3, monthly 1`; `-` for none. */
export function formatDrift(drift: Record<string, number>): string {
  const fields = Object.keys(drift).sort();
  return fields.length === 0 ? "-" : fields.map((field) => `${field} ${drift[field]}`).join(", ");
}

const header = ["when", "version", "status", "in", "out", "skipped", "duration", "who", "output", "drift"];
/** columns of numbers, aligned right */
const numeric = new Set([1, 3, 4, 5, 6]);

/**
 * `envelope runs`' table: one line per run as given (newest first), when it started (UTC, to the
 * second), the version, the status (a failed run's error code beside it), rows in, out and
 * skipped, the duration, who ran it, the output folder and the drift counts. Pure.
 */
export function formatRuns(runs: readonly BatchRun[]): string {
  const rows = [
    header,
    ...runs.map((run) => [
      run.startedAt.slice(0, 19).replace("T", " "),
      String(run.version),
      run.error ? `${run.status} ${run.error.code}` : run.status,
      String(run.rowsIn),
      String(run.rowsOut),
      String(run.rowsSkipped),
      formatDuration(run.durationMs),
      run.user,
      run.output,
      formatDrift(run.drift),
    ]),
  ];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ").trimEnd()).join("\n");
}
