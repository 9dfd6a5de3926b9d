import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { EnvelopeError } from "../errors/EnvelopeError.ts";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims a data directory for this process: PGlite is one process's database, and two writers
 * would corrupt it. A lock left by a dead process (a crash, a kill -9) is taken over. Returns the
 * release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, "envelope.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new EnvelopeError("ENVELOPE_STORE", `data directory ${dataDir} is in use by process ${holder}; expected one registry per embedded store (use DATABASE_URL to share a store)`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new EnvelopeError("ENVELOPE_STORE", `could not lock data directory ${dataDir}`);
}
