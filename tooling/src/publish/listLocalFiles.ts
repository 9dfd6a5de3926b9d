import { resolve } from "node:path";
import { assertSiteDir } from "./assertSiteDir.ts";
import { hashLocalFiles } from "./hashLocalFiles.ts";
import type { LocalFile } from "./LocalFile.ts";
import { walkSite } from "./walkSite.ts";

/**
 * Every regular file under `dir` (resolved against `cwd`), sorted by path, with size, MD5 and
 * SHA-256 read in one pass: `walkSite` then `hashLocalFiles`. Symlinks are followed while they
 * stay inside the site; one that leads out of it, or in a loop, throws `EXEMPLAR_PUBLISH_SYMLINK`
 * before any file is read. Throws `EXEMPLAR_PUBLISH_DIR` when `dir` is missing, not a folder, or
 * holds no files: publishing an empty build would delete every object under the prefix.
 */
export async function listLocalFiles(
  dir: string,
  options: { cwd?: string | undefined; concurrency?: number | undefined } = {},
): Promise<LocalFile[]> {
  const root = resolve(options.cwd ?? ".", dir);
  await assertSiteDir(root, dir);
  return hashLocalFiles(await walkSite(root, dir), options);
}
