import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { duckdbSql as sql } from "../support/duckdbSql.ts";
import { tempDir } from "../support/tempDir.ts";

const temp = tempDir("envelope-batch-killed-");
afterAll(() => temp.remove());


test("a run killed with SIGKILL leaves only the parts it completed, each whole", async () => {
  mkdirSync(join(temp.dir, "in"));
  const out = join(temp.dir, "out");
  for (const part of [0, 1]) {
    // part 1's row 5 never answers: the run is inside that part when it is killed
    await sql(`COPY (SELECT i AS id, CASE WHEN ${part} = 1 AND i = 5 THEN -7 ELSE i END AS x, 'pro' AS plan, 1 AS visits FROM range(10) r(i)) TO '${join(temp.dir, "in", `part-${part}.parquet`)}' (FORMAT parquet)`);
  }
  const script = fileURLToPath(new URL("./fixtures/hangingBatch.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, join(temp.dir, "in", "*.parquet"), out], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<string | null>((resolve) => child.once("exit", (_, signal) => resolve(signal)));
  try {
    await expect.poll(() => existsSync(join(out, "part-0.parquet")) || stderr, { timeout: 30_000, interval: 50 }).toBe(true);
  } finally {
    child.kill("SIGKILL");
  }
  expect(await exited).toBe("SIGKILL");
  expect(readdirSync(out)).toEqual(["part-0.parquet"]);
  expect(await sql(`SELECT count(*)::INTEGER AS rows FROM read_parquet('${join(out, "part-0.parquet")}')`)).toEqual([{ rows: 10 }]);
}, 60_000);
