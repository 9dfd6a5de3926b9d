import { formatBytes } from "./formatBytes.ts";
import type { UnpublishSummary } from "./UnpublishSummary.ts";

/**
 * The human report of an unpublish: for a dry run the keys that would go; otherwise one line with
 * the count, bytes and seconds, followed by one line per failure. No trailing newline.
 */
export function formatUnpublishSummary(summary: UnpublishSummary): string {
  const target = `s3://${summary.bucket}/${summary.prefix}`;
  const count = (n: number) => `${n} object${n === 1 ? "" : "s"}`;
  if (summary.dryRun) {
    return [
      `dry run: unpublishing ${target} would delete ${count(summary.deleted.length)} (${formatBytes(summary.bytes.deleted)})`,
      ...summary.deleted.map((key) => `  - ${key}`),
      `nothing was changed (${summary.seconds.toFixed(2)} s)`,
    ].join("\n");
  }
  const line = `${summary.ok ? "unpublished" : "failed to unpublish"} ${target}: deleted ${count(summary.deleted.length)} (${formatBytes(summary.bytes.deleted)}) in ${summary.seconds.toFixed(2)} s`;
  return [line, ...summary.failures.map((failure) => `  delete failed: ${failure.key}: ${failure.message}`)].join("\n");
}
