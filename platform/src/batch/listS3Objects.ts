import { ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { parseS3Location } from "./parseS3Location.ts";

/**
 * The `s3://` names of the objects `url` names (a key or a glob of keys; `parseS3Location`), sorted,
 * listing the bucket under the glob's fixed start and following continuation tokens, so any
 * number of keys is seen. ENVELOPE_STORE naming `url` when S3 refuses or cannot be reached.
 */
export async function listS3Objects(client: S3Client, url: string, flag: string): Promise<string[]> {
  const location = parseS3Location(url, flag);
  const names: string[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: location.bucket, ...(location.prefix === "" ? {} : { Prefix: location.prefix }), ...(token === undefined ? {} : { ContinuationToken: token }) }));
      for (const item of page.Contents ?? []) if (item.Key !== undefined && location.matches(item.Key)) names.push(`s3://${location.bucket}/${item.Key}`);
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  } catch (error) {
    throw new EnvelopeError("ENVELOPE_STORE", `${flag} ${url}: could not list s3://${location.bucket}/${location.prefix}: ${(error as Error).name}: ${(error as Error).message}`, { cause: error });
  }
  return names.sort();
}
