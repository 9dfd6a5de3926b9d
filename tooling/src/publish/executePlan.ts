import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { S3Client } from "@aws-sdk/client-s3";
import pLimit from "p-limit";
import { changedWhilePublishing } from "./changedWhilePublishing.ts";
import { formatS3Error } from "./formatS3Error.ts";
import { loadS3 } from "./loadS3.ts";
import type { Plan, PlannedDelete, PlannedUpload } from "./Plan.ts";
import type { PublishFailure } from "./PublishSummary.ts";
import { putLargeFile, type PartOptions } from "./putLargeFile.ts";

/** What `executePlan` did. */
export interface ExecuteResult {
  uploaded: PlannedUpload[];
  /** pages left alone because an asset failed: they would have linked to it */
  skipped: PlannedUpload[];
  deleted: PlannedDelete[];
  failures: PublishFailure[];
}

// S3's DeleteObjects limit
const DELETE_BATCH = 1000;
// files up to this size are read whole and sent in one PUT; larger ones go in parts (putLargeFile)
const MULTIPART_ABOVE = 16 << 20;

/** How `executePlan` runs its requests. */
export interface ExecuteOptions extends PartOptions {
  /** files in flight at once */
  concurrency: number;
  /** files larger than this many bytes are sent by multipart upload (default 16 MiB) */
  multipartAbove?: number | undefined;
}

/**
 * Carries out a plan in the order that never shows a broken page: assets, then pages, then
 * deletes. Each phase starts only when the one before it fully succeeded, so a failed upload
 * (after the client's own retries) leaves every old object in place. Uploads run `concurrency`
 * at a time, send Content-MD5 so the server rejects a corrupted body, and store the SHA-256 as
 * `x-amz-meta-sha256`. A file over `multipartAbove` is streamed in parts (`putLargeFile`), so
 * memory stays bounded by `concurrency` × 16 MiB whatever the site holds. Failures are returned,
 * not thrown.
 */
export async function executePlan(client: S3Client, bucket: string, plan: Plan, options: ExecuteOptions): Promise<ExecuteResult> {
  const result: ExecuteResult = { uploaded: [], skipped: [], deleted: [], failures: [] };
  const limit = pLimit(options.concurrency);
  for (const phase of ["asset", "page"] as const) {
    const uploads = plan.uploads.filter((upload) => upload.phase === phase);
    if (result.failures.length > 0) {
      result.skipped.push(...uploads);
      continue;
    }
    await limit.map(uploads, async (upload) => {
      try {
        if (upload.size > (options.multipartAbove ?? MULTIPART_ABOVE)) await putLargeFile(client, bucket, upload, options);
        else await putFile(client, bucket, upload);
        result.uploaded.push(upload);
      } catch (error) {
        result.failures.push({ action: "upload", key: upload.key, path: upload.path, message: formatS3Error(error) });
      }
    });
  }
  if (result.failures.length === 0) await deleteObjects(client, bucket, plan, result);
  return result;
}

async function putFile(client: S3Client, bucket: string, upload: PlannedUpload): Promise<void> {
  const body = await readFile(upload.absolutePath);
  const md5 = createHash("md5").update(body).digest();
  if (md5.toString("hex") !== upload.md5) throw changedWhilePublishing(upload.path);
  const { PutObjectCommand } = await loadS3();
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: upload.key,
      Body: body,
      ContentType: upload.contentType,
      CacheControl: upload.cacheControl,
      ContentMD5: md5.toString("base64"),
      Metadata: { sha256: upload.sha256 },
    }),
  );
}

async function deleteObjects(client: S3Client, bucket: string, plan: Plan, result: ExecuteResult): Promise<void> {
  const deletes: PlannedDelete[] = [];
  for (const item of plan.deletes) {
    // the last of three guards (list Prefix, planPublish, here): never delete outside the prefix
    if (item.key.startsWith(plan.prefix)) deletes.push(item);
    else result.failures.push({ action: "delete", key: item.key, message: `refused: key is outside prefix "${plan.prefix}"` });
  }
  const { DeleteObjectsCommand } = await loadS3();
  for (let start = 0; start < deletes.length; start += DELETE_BATCH) {
    const batch = deletes.slice(start, start + DELETE_BATCH);
    try {
      const response = await client.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map(({ key }) => ({ Key: key })), Quiet: true } }),
      );
      const failed = new Map((response.Errors ?? []).map((error) => [error.Key, `${error.Code ?? "Error"}: ${error.Message ?? ""}`.trim()]));
      for (const item of batch) {
        const message = failed.get(item.key);
        if (message === undefined) result.deleted.push(item);
        else result.failures.push({ action: "delete", key: item.key, message });
      }
    } catch (error) {
      for (const item of batch) result.failures.push({ action: "delete", key: item.key, message: formatS3Error(error) });
    }
  }
}
