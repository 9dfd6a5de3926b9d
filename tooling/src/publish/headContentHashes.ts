import type { S3Client } from "@aws-sdk/client-s3";
import pLimit from "p-limit";
import { loadS3 } from "./loadS3.ts";

/**
 * The `x-amz-meta-sha256` of each key, by HeadObject, `concurrency` at a time; a key without the
 * metadata, or gone since the listing, maps to undefined (its file is uploaded again). Called
 * only for the few objects the listing cannot judge (multipart or unexpected ETags).
 * Other S3 errors propagate.
 */
export async function headContentHashes(
  client: S3Client,
  bucket: string,
  keys: readonly string[],
  options: { concurrency: number },
): Promise<Map<string, string | undefined>> {
  const { HeadObjectCommand } = await loadS3();
  const limit = pLimit(options.concurrency);
  const entries = await limit.map(keys, async (key) => {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return [key, head.Metadata?.["sha256"]] as const;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return [key, undefined] as const;
      throw error;
    }
  });
  return new Map(entries);
}
