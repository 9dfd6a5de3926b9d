import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { isAlive as alive } from "../process/isAlive.ts";

// the lock files this process holds: a lock file with our own pid is stale (a process before us
// had the pid: a container's pid 1 restarting) unless it is in here
const held = new Set<string>();

/**
 * Claims a data directory for this process: PGlite is one process's database, and two writers
 * would corrupt it, two in one process as well. A lock left by a dead process (a crash, a kill -9)
 * is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.resolve(dataDir, "envelope.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(file);
      return () => {
        held.delete(file);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && (holder === process.pid ? held.has(file) : alive(holder))) {
        throw new EnvelopeError("ENVELOPE_STORE", `data directory ${dataDir} is in use by process ${holder} (a running registry?); expected one process per embedded store: stop it, or go through the registry with --url and --token (an admin token for \`envelope token\`); DATABASE_URL shares a store between registries`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new EnvelopeError("ENVELOPE_STORE", `could not lock data directory ${dataDir}`);
}
