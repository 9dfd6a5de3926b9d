import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { patchS3rverCipher } from "./patchS3rverCipher.ts";

/** A running s3rver on loopback. */
export interface RunningS3rver {
  endpoint: string;
  port: number;
  close: () => Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1 with a free port, its store in a fresh temp folder, and the given
 * buckets created. `close` stops it and removes the folder. Listings longer than 1,000 keys work
 * (see `patchS3rverCipher`).
 */
export async function startS3rver(buckets: string[]): Promise<RunningS3rver> {
  patchS3rverCipher();
  const directory = await mkdtemp(join(tmpdir(), "exemplar-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
