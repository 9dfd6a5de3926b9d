import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const tempPattern = /^[0-9a-f]{64}\.tmp-[0-9a-f]+$/;
/** a temp file this old belongs to no write in flight (a write takes seconds), even of another registry sharing the folder */
export const staleTempMs = 10 * 60 * 1000;

/**
 * Removes the temp files that writes killed before their rename left behind (`ab/<sha256>.tmp-*`),
 * when last written more than `staleTempMs` ago. Returns how many it removed.
 */
export function removeStaleTemps(dir: string, now: number): number {
  let removed = 0;
  for (const shard of readdirSync(dir)) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    const folder = path.join(dir, shard);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue; // a file, not a shard folder
    }
    for (const name of names) {
      if (!tempPattern.test(name)) continue;
      const file = path.join(folder, name);
      const stats = statSync(file, { throwIfNoEntry: false });
      if (stats && now - stats.mtimeMs > staleTempMs) {
        rmSync(file, { force: true });
        removed++;
      }
    }
  }
  return removed;
}
