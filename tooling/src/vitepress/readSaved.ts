import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";

/**
 * Reads a saved example file (undefined: it is gone). An empty file is read again a few times,
 * `pauseMs` apart, before it is taken as empty: an editor or a script that writes in place
 * truncates the file first, and the watcher may report that, with the text landing a moment
 * later (on a busy machine, more than the moment a second read takes) and its event dropped as
 * the same modification time.
 */
export async function readSaved(file: string, { tries = 5, pauseMs = 40 } = {}): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    if (!existsSync(file)) return undefined;
    const text = await readFile(file, "utf8");
    if (text !== "" || attempt >= tries) return text;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
