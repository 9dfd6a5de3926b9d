import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { open, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { ArtifactInfo } from "../envelope/Envelope.ts";
import { removeStaleTemps } from "./removeStaleTemps.ts";

/** Where artifacts' bytes live, by content hash. */
export interface ArtifactStore {
  /** stores the bytes durably and returns their address; idempotent for equal bytes */
  put(bytes: Uint8Array, mediaType: string): Promise<ArtifactInfo>;
  /** the bytes at `sha256`, or undefined when absent */
  get(sha256: string): Promise<Buffer | undefined>;
}

/** Artifacts in a folder of this process's, which fixtures can empty between runs. */
export interface LocalArtifactStore extends ArtifactStore {
  /** removes every artifact (the folder's contents); for fixtures, with no `put` in flight */
  clear(): Promise<void>;
}

const sha256Pattern = /^[0-9a-f]{64}$/;
/**
 * Artifacts in a local folder, content-addressed (`<dir>/ab/abcdef...`). A write goes to a temp
 * file, is fsynced, then renamed into place, so a reader never sees half an artifact. The
 * registry writes the artifact before it commits the version's row: a save killed in between
 * leaves an unreferenced file, never a visible version without its bytes. A write killed before
 * its rename leaves a temp file: those older than ten minutes are removed here, at start.
 * Names never become paths here: only hex hashes do.
 */
export function createLocalArtifacts(dir: string): LocalArtifactStore {
  mkdirSync(dir, { recursive: true });
  removeStaleTemps(dir, Date.now());
  const fileOf = (sha256: string) => path.join(dir, sha256.slice(0, 2), sha256);
  return {
    async put(bytes, mediaType) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const file = fileOf(sha256);
      if (!existsSync(file)) {
        mkdirSync(path.dirname(file), { recursive: true });
        const temp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
        try {
          const handle = await open(temp, "wx");
          try {
            await handle.writeFile(bytes);
            await handle.sync();
          } finally {
            await handle.close();
          }
          await rename(temp, file);
        } catch (error) {
          await rm(temp, { force: true });
          throw new EnvelopeError("ENVELOPE_STORE", `could not write artifact ${sha256} to ${dir}: ${(error as Error).message}`, { cause: error });
        }
      }
      return { mediaType, size: bytes.byteLength, sha256 };
    },
    async get(sha256) {
      if (!sha256Pattern.test(sha256)) return undefined;
      try {
        return await readFile(fileOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    async clear() {
      // the entries, not the folder: it may be a mount point or carry permissions of its own
      for (const entry of await readdir(dir)) await rm(path.join(dir, entry), { recursive: true, force: true });
    },
  };
}
