import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import pLimit from "p-limit";
import type { LocalFile } from "./LocalFile.ts";
import type { SiteEntry } from "./walkSite.ts";

/**
 * Size, MD5 and SHA-256 of each file `walkSite` found, read in one pass, `concurrency` files at a
 * time (default 16); sorted by path. Memory stays bounded: files over 1 MiB are streamed.
 */
export async function hashLocalFiles(entries: readonly SiteEntry[], options: { concurrency?: number | undefined } = {}): Promise<LocalFile[]> {
  const limit = pLimit(options.concurrency ?? 16);
  const files = await limit.map(entries, async ({ path, absolutePath }) => ({ path, absolutePath, ...(await hashFile(absolutePath)) }));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// below this, one readFile beats a stream's setup; above it, streaming keeps media out of memory
const READ_WHOLE = 1 << 20;

/** Size and both hashes in one read. */
async function hashFile(path: string): Promise<{ size: number; md5: string; sha256: string }> {
  const md5 = createHash("md5");
  const sha256 = createHash("sha256");
  let size = 0;
  const chunks = (await stat(path)).size <= READ_WHOLE ? [await readFile(path)] : (createReadStream(path) as AsyncIterable<Buffer>);
  for await (const chunk of chunks) {
    md5.update(chunk);
    sha256.update(chunk);
    size += chunk.length;
  }
  return { size, md5: md5.digest("hex"), sha256: sha256.digest("hex") };
}
