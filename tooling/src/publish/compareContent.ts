import type { LocalFile } from "./LocalFile.ts";
import type { RemoteObject } from "./RemoteObject.ts";

/** `unknown` means the listing cannot tell: a HeadObject for the sha256 metadata can. */
export type ContentComparison = "same" | "different" | "unknown";

const SINGLE_PART_ETAG = /^[0-9a-f]{32}$/i;

/**
 * Whether an object holds the same bytes as a local file, from what is cheapest to know:
 * a different size settles it; a `sha256` from HeadObject settles it; a single-part ETag equal
 * to the local MD5 means the same. Anything else (a multipart ETag `md5-N`, or a single-part
 * ETag that differs at the same size, as with SSE-KMS where the ETag is not the MD5) is
 * `unknown` until a HeadObject fetches the sha256 metadata.
 */
export function compareContent(local: LocalFile, remote: RemoteObject): ContentComparison {
  if (remote.size !== local.size) return "different";
  if (remote.sha256 !== undefined) return remote.sha256.toLowerCase() === local.sha256 ? "same" : "different";
  if (SINGLE_PART_ETAG.test(remote.etag) && remote.etag.toLowerCase() === local.md5) return "same";
  return "unknown";
}
