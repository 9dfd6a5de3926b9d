import { readdir, realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { ExemplarError } from "../errors/ExemplarError.ts";

/** A file found in the site: where it is published from and where its bytes are read. */
export interface SiteEntry {
  /** relative to the site folder, `/` separated */
  path: string;
  /** the file itself, or for anything reached through a symlink, the real file it resolves to */
  absolutePath: string;
}

/**
 * Every regular file under `root` (the site folder, `dir` as the user gave it, for messages),
 * unsorted. Symlinks are followed, to files and to folders, as long as they resolve inside the
 * site: one that resolves outside it is refused with `EXEMPLAR_PUBLISH_SYMLINK`, naming the link
 * and where it points, so that a build (a pull request's, say) cannot publish a file of the
 * machine it runs on (`ln -s ~/.aws/credentials site/leak.txt`). A link back to a folder it is in,
 * or a chain of links that never ends, is refused too; a link that points nowhere is skipped.
 * A site without files throws `EXEMPLAR_PUBLISH_DIR`: publishing an empty build would delete
 * every object under the prefix. Reads the folder only, never a file's content.
 */
export async function walkSite(root: string, dir: string): Promise<SiteEntry[]> {
  const realRoot = await realpath(root);
  const found: SiteEntry[] = [];
  const fail = (linkPath: string, problem: string) =>
    new ExemplarError("EXEMPLAR_PUBLISH_SYMLINK", `site folder "${dir}": ${relative(root, linkPath).split(sep).join("/")} ${problem}`);

  // `read` is where the folder's entries really are; `ancestors` the real folders above, for loops
  async function walk(shown: string, read: string, ancestors: ReadonlySet<string>): Promise<void> {
    for (const entry of await readdir(read, { withFileTypes: true })) {
      const path = join(shown, entry.name);
      if (entry.isDirectory()) await walk(path, join(read, entry.name), new Set([...ancestors, join(read, entry.name)]));
      else if (entry.isFile()) found.push({ path: relative(root, path).split(sep).join("/"), absolutePath: join(read, entry.name) });
      else if (entry.isSymbolicLink()) await follow(path, join(read, entry.name), ancestors);
    }
  }

  async function follow(path: string, link: string, ancestors: ReadonlySet<string>): Promise<void> {
    let target: string;
    try {
      target = await realpath(link);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ELOOP") throw fail(path, "is a symlink loop (too many levels of links); remove the link");
      if (code === "ENOENT" || code === "ENOTDIR") return;
      throw error;
    }
    if (target !== realRoot && !target.startsWith(realRoot + sep)) {
      throw fail(
        path,
        `is a symlink to ${target}, outside the site folder; refusing to publish files from outside the site (nothing was uploaded): copy the file into the site, or remove the link`,
      );
    }
    const info = await stat(target);
    if (info.isFile()) found.push({ path: relative(root, path).split(sep).join("/"), absolutePath: target });
    else if (info.isDirectory()) {
      if (target === realRoot || ancestors.has(target)) throw fail(path, `is a symlink loop (it leads back to ${target}, a folder it is in); remove the link`);
      await walk(path, target, new Set([...ancestors, target]));
    }
  }

  // read through real paths throughout, so that a loop is seen at its first turn
  await walk(root, realRoot, new Set([realRoot]));
  if (found.length === 0) {
    throw new ExemplarError("EXEMPLAR_PUBLISH_DIR", `site folder "${dir}" holds no files; refusing to publish an empty site (it would delete every object under the prefix)`);
  }
  return found;
}
