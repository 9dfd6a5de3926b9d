import type { BucketTarget } from "./BucketTarget.ts";
import { describeS3Error, type S3Place } from "./describeS3Error.ts";
import { executePlan } from "./executePlan.ts";
import { keepMatcher } from "./keepMatcher.ts";
import { listRemoteObjects } from "./listRemoteObjects.ts";
import { normalizePrefix } from "./normalizePrefix.ts";
import { planUnpublish } from "./planUnpublish.ts";
import type { UnpublishSummary } from "./UnpublishSummary.ts";

/** Which prefix of which bucket to empty. */
export type UnpublishOptions = BucketTarget;

/**
 * Deletes every object under a prefix, as when a pull request's preview is closed: lists the
 * prefix (`listRemoteObjects`), plans (`planUnpublish`) and unless `dryRun` deletes in batches
 * (`executePlan`). Throws `ExemplarError` before changing anything when the prefix is refused
 * (the root needs `root: true`) or the bucket cannot be listed; delete failures come back in
 * `failures` with `ok: false`. A prefix that holds nothing is not an error.
 */
export async function unpublishPrefix(options: UnpublishOptions): Promise<UnpublishSummary> {
  const started = performance.now();
  const prefix = normalizePrefix({ prefix: options.prefix, root: options.root });
  keepMatcher(options.keep ?? []);
  const place: S3Place = { bucket: options.bucket, where: options.where ?? "the S3 endpoint" };
  let listed;
  try {
    listed = await listRemoteObjects(options.client, options.bucket, prefix);
  } catch (error) {
    throw describeS3Error(error, place);
  }
  const plan = planUnpublish(listed, prefix, { keep: options.keep });
  const dryRun = options.dryRun === true;
  const result = dryRun ? { deleted: plan.deletes, failures: [] } : await executePlan(options.client, options.bucket, plan, { concurrency: 1 });
  const deleted = new Set(result.deleted.map((item) => item.key));
  return {
    ok: result.failures.length === 0,
    dryRun,
    bucket: options.bucket,
    prefix,
    deleted: plan.deletes.filter((item) => deleted.has(item.key)).map((item) => item.key),
    failures: result.failures,
    bytes: { deleted: result.deleted.reduce((total, item) => total + item.size, 0) },
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
