import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import pLimit from "p-limit";
import { ExemplarError } from "../errors/ExemplarError.ts";
import { assertSiteDir } from "./assertSiteDir.ts";
import type { LocalFile } from "./LocalFile.ts";
import { walkSite } from "./walkSite.ts";

/**
 * Every regular file under `dir` (resolved against `cwd`), sorted by path, with size, MD5 and
 * SHA-256 read in one pass. Symlinks are followed while they stay inside the site; one that leads
 * out of it, or in a loop, throws `EXEMPLAR_PUBLISH_SYMLINK` (see `walkSite`), before anything is
 * uploaded. Throws `EXEMPLAR_PUBLISH_DIR` when `dir` is missing, not a folder, or holds no files:
 * publishing an empty build would delete every object under the prefix.
 */
export async function listLocalFiles(
  dir: string,
  options: { cwd?: string | undefined; concurrency?: number | undefined } = {},
): Promise<LocalFile[]> {
  const root = resolve(options.cwd ?? ".", dir);
  await assertSiteDir(root, dir);
  const entries = await walkSite(root, dir);
  if (entries.length === 0) {
    throw new ExemplarError("EXEMPLAR_PUBLISH_DIR", `site folder "${dir}" holds no files; refusing to publish an empty site (it would delete every object under the prefix)`);
  }
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
