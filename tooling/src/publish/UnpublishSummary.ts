import type { PublishFailure } from "./PublishSummary.ts";

/** What `unpublishPrefix` did (or, with `dryRun`, would do); `--json` prints exactly this record. */
export interface UnpublishSummary {
  ok: boolean;
  dryRun: boolean;
  bucket: string;
  /** the normalised prefix (`pr-12/`, or `` for the bucket root) */
  prefix: string;
  /** keys deleted (planned, in a dry run), sorted */
  deleted: string[];
  failures: PublishFailure[];
  bytes: { deleted: number };
  seconds: number;
}
