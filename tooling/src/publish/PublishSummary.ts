/** One upload or delete that still failed after the client's retries. */
export interface PublishFailure {
  action: "upload" | "delete";
  key: string;
  /** the site-relative path for uploads */
  path?: string;
  /** one line: the S3 error code, HTTP status and message */
  message: string;
}

/** What `publishSite` did (or, with `dryRun`, would do); `--json` prints exactly this record. */
export interface PublishSummary {
  ok: boolean;
  dryRun: boolean;
  bucket: string;
  prefix: string;
  /** the site folder as given */
  dir: string;
  /** keys uploaded (planned, in a dry run), assets before pages */
  uploaded: string[];
  /** keys left alone because the bucket already holds the same content */
  unchanged: string[];
  /** keys deleted (planned, in a dry run) */
  deleted: string[];
  /** pages not uploaded because an asset upload failed first */
  skipped: string[];
  failures: PublishFailure[];
  bytes: { uploaded: number; unchanged: number; deleted: number };
  /** HeadObject requests made to compare multipart or unexpected ETags */
  heads: number;
  seconds: number;
}
