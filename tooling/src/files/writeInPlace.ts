import { open, rm, writeFile } from "node:fs/promises";
import { ExemplarError } from "../errors/ExemplarError.ts";

/**
 * Overwrites the bytes of the existing `file` with `data` (same inode: its other hard links, its
 * owner and mode stay), for when a rename over it would lose them. Not atomic for a reader, who
 * may see the file mid-write; so the new bytes are first saved, complete and synced, to
 * `recovery` beside it, and removed only once `file` holds them all: a write that fails or is
 * killed half way leaves `recovery` to copy back (a failure says where it is).
 */
export async function writeInPlace(file: string, data: Uint8Array, recovery: string): Promise<void> {
  // opened first: a file that cannot be written is refused before anything is touched
  const handle = await open(file, "r+");
  try {
    await writeFile(recovery, data, { mode: 0o600, flush: true });
    try {
      // the new bytes first, then the cut: the file is never shorter than its new text
      await handle.writeFile(data);
      await handle.truncate(data.length);
      await handle.sync();
    } catch (error) {
      throw new ExemplarError(
        "EXEMPLAR_WRITE_FAILED",
        `${file}: writing in place failed (${(error as Error).message}); the file may be half written: its new text is in ${recovery}, to copy over it`,
        { cause: error },
      );
    }
  } finally {
    await handle.close();
  }
  await rm(recovery, { force: true });
}
