import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { assertSiteDir } from "./assertSiteDir.ts";
import type { BucketTarget } from "./BucketTarget.ts";
import { checkSiteBase } from "./checkSiteBase.ts";
import { compareContent } from "./compareContent.ts";
import { describeS3Error, type S3Place } from "./describeS3Error.ts";
import { detectSiteBase } from "./detectSiteBase.ts";
import { executePlan } from "./executePlan.ts";
import { hashLocalFiles } from "./hashLocalFiles.ts";
import { headContentHashes } from "./headContentHashes.ts";
import { keepMatcher } from "./keepMatcher.ts";
import { listRemoteObjects } from "./listRemoteObjects.ts";
import type { LocalFile } from "./LocalFile.ts";
import { normalizePrefix } from "./normalizePrefix.ts";
import type { Plan } from "./Plan.ts";
import { planPublish } from "./planPublish.ts";
import type { PublishSummary } from "./PublishSummary.ts";
import type { RemoteObject } from "./RemoteObject.ts";
import { walkSite } from "./walkSite.ts";

/** What to publish where. */
export interface PublishOptions extends BucketTarget {
  /** the built site folder, as the user gave it (messages show it so) */
  dir: string;
  /** what a relative `dir` is relative to (default: the process's working directory) */
  cwd?: string | undefined;
  /** requests in flight at once (default 8) */
  concurrency?: number | undefined;
}

/**
 * Publishes a built site under a prefix of a bucket, incrementally by content: lists the local
 * files and the objects under the prefix, HEADs only the objects whose ETag cannot settle the
 * comparison, plans (`planPublish`), and unless `dryRun` executes the plan (`executePlan`).
 * Throws `ExemplarError` before changing anything when the prefix is refused, the folder is
 * missing or empty, a symlink in it leads outside it (before any request is sent), a VitePress
 * build's base does not match the prefix, or the bucket cannot be
 * listed (missing bucket, unreachable endpoint, missing or refused credentials). Upload and
 * delete failures do not throw: they come back in `failures` with `ok: false`.
 */
export async function publishSite(options: PublishOptions): Promise<PublishSummary> {
  const started = performance.now();
  const prefix = normalizePrefix({ prefix: options.prefix, root: options.root });
  // a bad --keep pattern is refused before anything is read
  keepMatcher(options.keep ?? []);
  const concurrency = options.concurrency ?? 8;
  const place: S3Place = { bucket: options.bucket, where: options.where ?? "the S3 endpoint" };

  const root = resolve(options.cwd ?? ".", options.dir);
  await assertSiteDir(root, options.dir);
  await checkBase(root, options.dir, prefix);

  // a symlink out of the site is refused before the bucket is contacted, even for a dry run
  const entries = await walkSite(root, options.dir);
  // hashing the files and listing the bucket overlap; a local error is reported first
  const [local, remoteList] = await Promise.allSettled([
    hashLocalFiles(entries),
    s3(place, () => listRemoteObjects(options.client, options.bucket, prefix)),
  ]);
  if (local.status === "rejected") throw local.reason;
  if (remoteList.status === "rejected") throw remoteList.reason;
  const files = local.value;
  const listed = remoteList.value;
  const { remote, heads } = await resolveUnknowns(options, place, files, listed, prefix, concurrency);
  const plan = planPublish(files, remote, prefix, { keep: options.keep });

  if (options.dryRun === true) return summarize(options, plan, { uploaded: plan.uploads, skipped: [], deleted: plan.deletes, failures: [] }, heads, started);
  const result = await executePlan(options.client, options.bucket, plan, { concurrency });
  return summarize(options, plan, result, heads, started);
}

/**
 * Reads the base from `index.html`, else `404.html` (VitePress writes it for every site), and
 * checks it against the prefix; a site with neither page has nothing to check.
 */
async function checkBase(root: string, dir: string, prefix: string): Promise<void> {
  for (const page of ["index.html", "404.html"]) {
    const html = await readFile(join(root, page), "utf8").catch(() => undefined);
    if (html === undefined) continue;
    checkSiteBase(detectSiteBase(html), prefix, join(dir, page));
    return;
  }
}

/** HEADs the objects whose listing cannot say whether they match, and fills in their sha256. */
async function resolveUnknowns(
  options: PublishOptions,
  place: S3Place,
  files: readonly LocalFile[],
  listed: RemoteObject[],
  prefix: string,
  concurrency: number,
): Promise<{ remote: RemoteObject[]; heads: number }> {
  const byKey = new Map(listed.map((object) => [object.key, object]));
  const unknown = files
    .map((file) => ({ file, object: byKey.get(prefix + file.path) }))
    .filter(({ file, object }) => object !== undefined && compareContent(file, object) === "unknown")
    .map(({ object }) => object!.key);
  if (unknown.length === 0) return { remote: listed, heads: 0 };
  const hashes = await s3(place, () => headContentHashes(options.client, options.bucket, unknown, { concurrency }));
  const remote = listed.map((object) => {
    const sha256 = hashes.get(object.key);
    return sha256 === undefined ? object : { ...object, sha256 };
  });
  return { remote, heads: unknown.length };
}

async function s3<T>(place: S3Place, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw describeS3Error(error, place);
  }
}

function summarize(
  options: PublishOptions,
  plan: Plan,
  result: { uploaded: Plan["uploads"]; skipped: Plan["uploads"]; deleted: Plan["deletes"]; failures: PublishSummary["failures"] },
  heads: number,
  started: number,
): PublishSummary {
  // concurrency finishes uploads in any order; report them in plan order
  const uploaded = new Set(result.uploaded.map((upload) => upload.key));
  const deleted = new Set(result.deleted.map((item) => item.key));
  const sum = (sizes: number[]) => sizes.reduce((total, size) => total + size, 0);
  return {
    ok: result.failures.length === 0,
    dryRun: options.dryRun === true,
    bucket: options.bucket,
    prefix: plan.prefix,
    dir: options.dir,
    uploaded: plan.uploads.filter((upload) => uploaded.has(upload.key)).map((upload) => upload.key),
    unchanged: plan.unchanged.map((file) => file.key),
    deleted: plan.deletes.filter((item) => deleted.has(item.key)).map((item) => item.key),
    skipped: result.skipped.map((upload) => upload.key),
    failures: [...result.failures].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    bytes: {
      uploaded: sum(result.uploaded.map((upload) => upload.size)),
      unchanged: sum(plan.unchanged.map((file) => file.size)),
      deleted: sum(result.deleted.map((item) => item.size)),
    },
    heads,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
