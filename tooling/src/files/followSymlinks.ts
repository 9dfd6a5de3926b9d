import { lstat, readlink, realpath } from "node:fs/promises";
import path from "node:path";
import { ExemplarError } from "../errors/ExemplarError.ts";

/** As many links as Linux follows before `ELOOP`. */
const maxLinks = 40;

/**
 * The file that writing to `file` should change: `file` itself, or the end of the chain of
 * symbolic links it names (a link's target is read relative to the real folder of the link, as
 * the kernel reads it), even when that end does not exist yet. Writing there, instead of
 * renaming over `file`, keeps each link a link.
 */
export async function followSymlinks(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let links = 0; links <= maxLinks; links++) {
    try {
      if (!(await lstat(current)).isSymbolicLink()) return current;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return current;
      throw error;
    }
    current = path.resolve(await realpath(path.dirname(current)), await readlink(current));
  }
  throw new ExemplarError("EXEMPLAR_WRITE_FAILED", `${file}: more than ${maxLinks} symbolic links to follow (a loop?): expected a chain that ends at a file`);
}
