import type { BatchProgress } from "./batchPredict.ts";

/** How progress is shown: a bar redrawn in place on a terminal, plain lines elsewhere (CI logs). */
export type ProgressStyle = "bar" | "lines";

const width = 24;

function rate(rows: number, seconds: number): string {
  const perSecond = seconds > 0 ? rows / seconds : 0;
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)}M rows/s` : perSecond >= 1e3 ? `${(perSecond / 1e3).toFixed(1)}k rows/s` : `${Math.round(perSecond)} rows/s`;
}

/**
 * One progress report of a batch run after `seconds`: for a terminal, a bar (`\r` first, so it
 * redraws the line) with rows done, rows/s and the part; for logs, a plain line ending in a
 * newline. Pure.
 */
export function formatProgress(progress: BatchProgress, seconds: number, style: ProgressStyle): string {
  const share = progress.rowsTotal > 0 ? progress.rowsDone / progress.rowsTotal : 1;
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  const counts = `${progress.rowsDone.toLocaleString("en")}/${progress.rowsTotal.toLocaleString("en")} rows`;
  const part = `part ${progress.part}/${progress.parts}`;
  if (style === "lines") return `envelope batch: ${percent.trim()} ${counts}, ${rate(progress.rowsDone, seconds)}, ${part} ${progress.file}\n`;
  const filled = Math.round(share * width);
  return `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent} ${counts} ${rate(progress.rowsDone, seconds)} ${part}\u001b[K`;
}

/**
 * Whether a report is due: a bar at most every 100 ms, lines every 10 s, and always the last one
 * (all rows done), so a log shows the run's end without a line per chunk.
 */
export function progressDue(progress: BatchProgress, sinceLastMs: number, style: ProgressStyle): boolean {
  return progress.rowsDone === progress.rowsTotal || sinceLastMs >= (style === "bar" ? 100 : 10_000);
}
