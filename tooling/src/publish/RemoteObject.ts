/** One object already in the bucket under the prefix, as listed by ListObjectsV2. */
export interface RemoteObject {
  key: string;
  size: number;
  /** the ETag without quotes: the content MD5 for single-part uploads, `md5-N` for multipart ones */
  etag: string;
  /** the `x-amz-meta-sha256` metadata, known only after a HeadObject */
  sha256?: string;
}
