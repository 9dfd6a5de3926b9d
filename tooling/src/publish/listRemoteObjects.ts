import type { S3Client } from "@aws-sdk/client-s3";
import { loadS3 } from "./loadS3.ts";
import type { RemoteObject } from "./RemoteObject.ts";

/**
 * Every object whose key starts with `prefix` (`` lists the whole bucket), following
 * continuation tokens, with size and unquoted ETag. Keys a server returns outside the prefix are
 * dropped here as well as in `planPublish`: nothing outside the prefix may ever be deleted.
 * S3 errors propagate unchanged (see `describeS3Error`).
 */
export async function listRemoteObjects(client: S3Client, bucket: string, prefix: string): Promise<RemoteObject[]> {
  const { ListObjectsV2Command } = await loadS3();
  const objects: RemoteObject[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, ...(prefix === "" ? {} : { Prefix: prefix }), ...(token === undefined ? {} : { ContinuationToken: token }) }),
    );
    for (const item of page.Contents ?? []) {
      if (item.Key === undefined || !item.Key.startsWith(prefix)) continue;
      objects.push({ key: item.Key, size: item.Size ?? 0, etag: unquote(item.ETag ?? "") });
    }
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return objects;
}

function unquote(etag: string): string {
  return etag.replace(/^W\//, "").replace(/^"|"$/g, "");
}
