import type { S3Client } from "@aws-sdk/client-s3";

/** The part of a bucket that `publishSite` and `unpublishPrefix` change, and how. */
export interface BucketTarget {
  bucket: string;
  /** the key prefix as the user gave it; normalised and checked by `normalizePrefix` */
  prefix?: string | undefined;
  /** the bucket root instead of a prefix; required for an empty prefix */
  root?: boolean | undefined;
  client: S3Client;
  /** the endpoint as the user knows it, for messages (default: `the S3 endpoint`) */
  where?: string | undefined;
  /** plan only: list (and compare), change nothing */
  dryRun?: boolean | undefined;
  /** folders under the prefix never deleted (`pr-*`), see `keepMatcher` */
  keep?: readonly string[] | undefined;
}
