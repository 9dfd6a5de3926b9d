import { formatBytes } from "./formatBytes.ts";
import type { PublishSummary } from "./PublishSummary.ts";

/**
 * The human report of a publish: for a dry run the plan (upload, unchanged and delete with counts
 * and bytes, then the keys to upload and delete); otherwise one summary line with uploaded,
 * unchanged, deleted, bytes and seconds, followed by one line per failure. No trailing newline.
 */
export function formatPublishSummary(summary: PublishSummary): string {
  const target = `s3://${summary.bucket}/${summary.prefix}`;
  if (summary.dryRun) {
    const upload = summary.uploaded.length;
    const lines = [
      `dry run: publishing ${summary.dir} to ${target} would`,
      row("upload", upload, "file", summary.bytes.uploaded),
      row("unchanged", summary.unchanged.length, "file", summary.bytes.unchanged),
      row("delete", summary.deleted.length, "object", summary.bytes.deleted),
      ...summary.uploaded.map((key) => `  + ${key}`),
      ...summary.deleted.map((key) => `  - ${key}`),
      `nothing was changed (${summary.seconds.toFixed(2)} s)`,
    ];
    return lines.join("\n");
  }
  const line =
    `${summary.ok ? "published" : "failed to publish"} ${summary.dir} to ${target}: ` +
    `uploaded ${summary.uploaded.length} (${formatBytes(summary.bytes.uploaded)}), ` +
    `unchanged ${summary.unchanged.length} (${formatBytes(summary.bytes.unchanged)}), ` +
    `deleted ${summary.deleted.length} (${formatBytes(summary.bytes.deleted)}) in ${summary.seconds.toFixed(2)} s`;
  const failures = summary.failures.map((failure) => `  ${failure.action} failed: ${failure.path ?? failure.key}: ${failure.message}`);
  const skipped = summary.skipped.length === 0 ? [] : [`  not uploaded (an asset they may need failed): ${summary.skipped.join(", ")}`];
  return [line, ...failures, ...skipped].join("\n");
}

function row(label: string, n: number, noun: string, bytes: number): string {
  return `  ${label.padEnd(10)}${String(n).padStart(6)} ${`${noun}${n === 1 ? "" : "s"}`.padEnd(8)}${formatBytes(bytes).padStart(9)}`;
}
