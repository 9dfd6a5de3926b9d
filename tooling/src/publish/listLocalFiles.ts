import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import pLimit from "p-limit";
import { ExemplarError } from "../errors/ExemplarError.ts";
import { assertSiteDir } from "./assertSiteDir.ts";
import type { LocalFile } from "./LocalFile.ts";

/**
 * Every regular file under `dir` (resolved against `cwd`; symlinks to files included, symlinked
 * folders not followed), sorted by path, with size, MD5 and SHA-256 read in one pass. Throws
 * `EXEMPLAR_PUBLISH_DIR` when `dir` is missing, not a folder, or holds no files: publishing an
 * empty build would delete every object under the prefix.
 */
export async function listLocalFiles(
  dir: string,
  options: { cwd?: string | undefined; concurrency?: number | undefined } = {},
): Promise<LocalFile[]> {
  const root = resolve(options.cwd ?? ".", dir);
  await assertSiteDir(root, dir);
  const paths = await walk(root);
  if (paths.length === 0) {
    throw new ExemplarError("EXEMPLAR_PUBLISH_DIR", `site folder "${dir}" holds no files; refusing to publish an empty site (it would delete every object under the prefix)`);
  }
  const limit = pLimit(options.concurrency ?? 16);
  const files = await limit.map(paths, async (absolutePath) => {
    const { size, md5, sha256 } = await hashFile(absolutePath);
    return { path: relative(root, absolutePath).split(sep).join("/"), absolutePath, size, md5, sha256 };
  });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile()) found.push(path);
    else if (entry.isSymbolicLink() && (await stat(path).then((info) => info.isFile(), () => false))) found.push(path);
  }
  return found;
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
