import { chmod, chown, mkdir, open, rename, rm, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import path from "node:path";
import { followSymlinks } from "./followSymlinks.ts";
import { writeInPlace } from "./writeInPlace.ts";

/** Writes so far in this process: two at once never share a temporary file. */
let written = 0;

/**
 * Writes `text` (as UTF-8) to `file` so that a reader sees the old file or the new one, never
 * half of one: through a temporary file in the same folder, synced, then renamed over the
 * target. What the user set up stays: a symbolic link stays a link (the end of its chain is
 * written), the file keeps its mode, and its owner and group when they differ from ours. A file
 * with other hard links, or whose owner we cannot give a new file, is written in place instead
 * (`writeInPlace`: not atomic for readers, but its new text is kept beside it until written),
 * since a rename would leave the other names with the old text, or the file with our owner.
 * Creates the folder when missing (a report path such as `reports/junit.xml`). The one way this
 * package writes a user's file.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const target = await followSymlinks(file);
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  const existing = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  const data = Buffer.from(text, "utf8");
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${++written}.tmp`);
  if (existing !== undefined && existing.nlink > 1) return writeInPlace(target, data, temporary);
  try {
    const handle = await open(temporary, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing !== undefined && !(await keepOwnerAndMode(temporary, existing))) {
      await rm(temporary, { force: true });
      return writeInPlace(target, data, temporary);
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Gives `file` the owner, group and mode of `like`; false when the owner cannot be given. */
async function keepOwnerAndMode(file: string, like: Stats): Promise<boolean> {
  if (like.uid !== process.getuid?.() || like.gid !== process.getgid?.()) {
    try {
      await chown(file, like.uid, like.gid);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EPERM") return false;
      throw error;
    }
  }
  // after chown, which clears the set-user-id and set-group-id bits
  await chmod(file, like.mode & 0o7777);
  return true;
}
