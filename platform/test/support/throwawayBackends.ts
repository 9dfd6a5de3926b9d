import path from "node:path";
import { afterAll } from "vitest";
import { startPostgres, type ThrowawayPostgres } from "./startPostgres.ts";
import { tempDir } from "./tempDir.ts";

/** Where a test file's two backends live: an embedded data directory, and a PostgreSQL URL when the server could start. */
export interface ThrowawayBackends {
  dataDir: string;
  postgresUrl: string | undefined;
}

/**
 * A temporary data directory and a throwaway PostgreSQL server for the test file `file`, both
 * gone after its tests; PostgreSQL skipped, with a warning naming the file, when its binaries
 * are missing.
 */
export async function throwawayBackends(file: string): Promise<ThrowawayBackends> {
  const postgres = await startPostgres();
  if ("skip" in postgres) console.warn(`${file}: PostgreSQL cases skipped: ${postgres.skip}`);
  const temp = tempDir();
  afterAll(() => {
    if ("url" in postgres) (postgres as ThrowawayPostgres).stop();
    temp.remove();
  });
  return { dataDir: path.join(temp.dir, "data"), postgresUrl: "url" in postgres ? postgres.url : undefined };
}
