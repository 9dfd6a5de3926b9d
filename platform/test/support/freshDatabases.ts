import path from "node:path";
import pg from "pg";
import { afterAll } from "vitest";
import type { Database } from "../../src/store/Database.ts";
import { openPglite } from "../../src/store/openPglite.ts";
import { openPostgres } from "../../src/store/openPostgres.ts";
import { startPostgres, type ThrowawayPostgres } from "./startPostgres.ts";
import { tempDir } from "./tempDir.ts";

/** Opens a new, empty database of one backend for one test, `name` unique in the file. */
export type OpenFresh = (name: string) => Promise<Database>;

/**
 * Per backend, a way to open a new, empty, unmigrated database (a PGlite folder; a database of a
 * throwaway PostgreSQL server, undefined with a warning when its binaries are missing), in the
 * time zone `zone` (not UTC, so that a day or second taken in the session's zone shows), for
 * tests that build a store as an earlier version left it.
 */
export async function freshDatabases(file: string, zone: string): Promise<Array<[string, OpenFresh | undefined]>> {
  const temp = tempDir();
  const postgres = await startPostgres();
  if ("skip" in postgres) console.warn(`${file}: PostgreSQL cases skipped: ${postgres.skip}`);
  afterAll(() => {
    if ("url" in postgres) (postgres as ThrowawayPostgres).stop();
    temp.remove();
  });
  const pglite: OpenFresh = async (name) => {
    const db = await openPglite(path.join(temp.dir, name));
    await db.query(`SET TIME ZONE '${zone}'`);
    return db;
  };
  if (!("url" in postgres)) return [["pglite", pglite], ["postgres", undefined]];
  const postgresUrl = postgres.url;
  const server: OpenFresh = async (name) => {
    const database = `fresh_${name.toLowerCase().replaceAll(/\W/g, "_")}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.query(`ALTER DATABASE ${database} SET timezone TO '${zone}'`);
    } finally {
      await admin.end();
    }
    return openPostgres(postgresUrl.replace(/\/postgres$/, `/${database}`));
  };
  return [["pglite", pglite], ["postgres", server]];
}
