import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterAll, expect, test } from "vitest";
import { writeParquetAtomically } from "../../src/batch/writeParquetAtomically.ts";
import { tempDir } from "../support/tempDir.ts";

const temp = tempDir("envelope-atomic-");
afterAll(() => temp.remove());

/** a connection whose COPY writes the start of its file, then waits for `finish` (or fails) */
function slowCopy() {
  let finish!: (fail: boolean) => void;
  const finished = new Promise<boolean>((resolve) => (finish = resolve));
  const connection = {
    async run(sql: string) {
      const path = /TO '([^']+)'/.exec(sql)![1]!;
      writeFileSync(path, "PAR1 half a file");
      if (await finished) throw new Error("disk full");
    },
  } as unknown as DuckDBConnection;
  return { connection, finish };
}

test("while the copy runs only a hidden partial file exists; the output's name appears once it is complete", async () => {
  const { connection, finish } = slowCopy();
  const target = join(temp.dir, "clients.parquet");
  const writing = writeParquetAtomically(connection, "SELECT * FROM t", target);
  await expect.poll(() => readdirSync(temp.dir), { timeout: 10_000 }).toEqual([`.clients.parquet.partial-${process.pid}`]);
  expect(existsSync(target)).toBe(false);
  finish(false);
  await writing;
  expect(readdirSync(temp.dir)).toEqual(["clients.parquet"]);
});

test("a copy that fails leaves neither the output nor its partial file", async () => {
  const { connection, finish } = slowCopy();
  const dir = join(temp.dir, "failing");
  mkdirSync(dir);
  const writing = writeParquetAtomically(connection, "SELECT * FROM t", join(dir, "clients.parquet"));
  finish(true);
  await expect(writing).rejects.toThrow(/^disk full$/);
  expect(readdirSync(dir)).toEqual([]);
});
