import { createHash } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";
import type { CompletedPart, S3Client } from "@aws-sdk/client-s3";
import { changedWhilePublishing } from "./changedWhilePublishing.ts";
import { loadS3 } from "./loadS3.ts";
import type { PlannedUpload } from "./Plan.ts";

const MiB = 1 << 20;
// S3's limits: a part is at least 5 MiB (the last excepted), an upload at most 10,000 parts
const MIN_PART = 5 * MiB;
const MAX_PARTS = 10_000;

/** How `putLargeFile` cuts a file; the defaults bound its memory to 4 × 8 MiB. */
export interface PartOptions {
  /** bytes per part (default 8 MiB; raised for files over 78 GiB to stay within 10,000 parts) */
  partSize?: number | undefined;
  /** parts in flight at once (default 4) */
  partConcurrency?: number | undefined;
}

/**
 * Uploads one file by multipart upload, reading it a part at a time: memory stays at
 * `partConcurrency` parts however large the file (a 2 GiB file cannot even be read whole). Each
 * part is a buffer, so the client's timeouts and retries apply to it as to any request. The object
 * gets the content type, cache control and `x-amz-meta-sha256` a single PUT would. The file's MD5,
 * computed while reading, must match the plan's before the upload is completed; otherwise, or when
 * a part fails after its retries, the upload is aborted and the old object stays as it was.
 */
export async function putLargeFile(client: S3Client, bucket: string, upload: PlannedUpload, options: PartOptions = {}): Promise<void> {
  const { CreateMultipartUploadCommand, CompleteMultipartUploadCommand, AbortMultipartUploadCommand } = await loadS3();
  const partSize = Math.max(options.partSize ?? 8 * MiB, MIN_PART, Math.ceil(upload.size / MAX_PARTS / MiB) * MiB);
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: bucket,
      Key: upload.key,
      ContentType: upload.contentType,
      CacheControl: upload.cacheControl,
      Metadata: { sha256: upload.sha256 },
      // the SDK sends a CRC32 with every part; S3 wants the upload to say so up front
      ChecksumAlgorithm: "CRC32",
    }),
  );
  const uploadId = created.UploadId!;
  const file = await open(upload.absolutePath, "r");
  try {
    const parts = await uploadParts(client, bucket, upload, uploadId, file, partSize, options.partConcurrency ?? 4);
    await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: upload.key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
  } catch (error) {
    // best effort: S3 lifecycle rules remove what an abort cannot reach
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.key, UploadId: uploadId })).catch(() => undefined);
    throw error;
  } finally {
    await file.close();
  }
}

async function uploadParts(
  client: S3Client,
  bucket: string,
  upload: PlannedUpload,
  uploadId: string,
  file: FileHandle,
  partSize: number,
  concurrency: number,
): Promise<CompletedPart[]> {
  const { UploadPartCommand } = await loadS3();
  const md5 = createHash("md5");
  const parts: CompletedPart[] = [];
  const pending = new Set<Promise<void>>();
  let failed: { error: unknown } | undefined;
  for (let offset = 0, partNumber = 1; offset < upload.size && failed === undefined; offset += partSize, partNumber++) {
    const body = await readPart(file, offset, Math.min(partSize, upload.size - offset), upload.path);
    md5.update(body);
    const number = partNumber;
    const task = client
      .send(new UploadPartCommand({ Bucket: bucket, Key: upload.key, UploadId: uploadId, PartNumber: number, Body: body, ChecksumAlgorithm: "CRC32" }))
      .then(
        (response) => {
          parts[number - 1] = { PartNumber: number, ETag: response.ETag!, ...(response.ChecksumCRC32 === undefined ? {} : { ChecksumCRC32: response.ChecksumCRC32 }) };
        },
        (error: unknown) => {
          failed ??= { error };
        },
      )
      .finally(() => pending.delete(task));
    pending.add(task);
    if (pending.size >= concurrency) await Promise.race(pending);
  }
  await Promise.all(pending);
  if (failed !== undefined) throw failed.error;
  const grown = (await file.read(Buffer.alloc(1), 0, 1, upload.size)).bytesRead > 0;
  if (grown || md5.digest("hex") !== upload.md5) throw changedWhilePublishing(upload.path);
  return parts;
}

async function readPart(file: FileHandle, offset: number, length: number, path: string): Promise<Buffer> {
  const body = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(body, filled, length - filled, offset + filled);
    if (bytesRead === 0) throw changedWhilePublishing(path);
    filled += bytesRead;
  }
  return body;
}
