import { EnvelopeError } from "../errors/EnvelopeError.ts";

/** An `s3://bucket/key` name, its key possibly a glob. */
export interface S3Location {
  bucket: string;
  key: string;
  /** the longest start of `key` without a glob character: what the bucket is listed by */
  prefix: string;
  /** tells whether a key is one `key` names: `*` any characters but `/`, `**` any at all, `?` one but `/`; no glob: `key` itself */
  matches: (key: string) => boolean;
}

/** `s3://BUCKET/KEY` read, KEY possibly a glob (`s3://data/clients/*.parquet`); ENVELOPE_CONFIG naming `flag` and the value otherwise. Pure. */
export function parseS3Location(url: string, flag: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (!match) throw new EnvelopeError("ENVELOPE_CONFIG", `${flag} ${url}: expected s3://BUCKET/KEY, where KEY may be a glob such as clients/*.parquet`);
  const [, bucket, key] = match as unknown as [string, string, string];
  const wildcard = key.search(/[*?]/);
  if (wildcard < 0) return { bucket, key, prefix: key, matches: (candidate) => candidate === key };
  const pattern = key.replace(/\*\*|[*?]|[.+^${}()|[\]\\]/g, (token) => (token === "**" ? ".*" : token === "*" ? "[^/]*" : token === "?" ? "[^/]" : `\\${token}`));
  const regex = new RegExp(`^${pattern}$`);
  return { bucket, key, prefix: key.slice(0, wildcard), matches: (candidate) => regex.test(candidate) };
}
