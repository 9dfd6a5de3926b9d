/** One regular file of the built site, with the hashes the publisher compares against the bucket. */
export interface LocalFile {
  /** path relative to the site folder, always with `/` separators (`assets/app.DQ4RyKo-.js`) */
  path: string;
  /** where to read it from */
  absolutePath: string;
  size: number;
  /** hex MD5 of the content: what S3 reports as the ETag of a single-part upload */
  md5: string;
  /** hex SHA-256 of the content: stored as `x-amz-meta-sha256` on every upload */
  sha256: string;
}
