import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { batchPredict, type BatchProgress } from "../../src/batch/batchPredict.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { linearState, servableEnvelope } from "../support/servableEnvelope.ts";
import { duckdbSql as sql } from "../support/duckdbSql.ts";
import { tempDir } from "../support/tempDir.ts";

const model = { envelope: servableEnvelope(), state: linearState };
const temp = tempDir("envelope-batch-skip-");
afterAll(() => temp.remove());

test("with skipErrors, the failing chunks' rows go to an errors file with their error, every other row to the output", async () => {
  // rows 12 (throws), 23 (NaN, refused before the model) and 31 (crashes its worker) fail their chunks of 10
  const file = join(temp.dir, "clients.parquet");
  await sql(`COPY (SELECT i AS id, CASE WHEN i = 12 THEN -1 WHEN i = 23 THEN 'NaN'::DOUBLE WHEN i = 31 THEN -3 ELSE i END AS x, 'pro' AS plan, 1 AS visits FROM range(45) r(i)) TO '${file}' (FORMAT parquet)`);
  const outputDir = join(temp.dir, "out");
  const result = await batchPredict({ model, inputs: [file], outputDir, chunkRows: 10, skipErrors: true });
  expect([result.rows, result.rowsSkipped, result.rowsIn]).toEqual([15, 30, 45]);
  expect(result.parts).toEqual([{ input: file, output: join(outputDir, "clients.parquet"), rows: 15, skipped: 30, errors: join(outputDir, "errors", "clients.parquet") }]);
  expect(readdirSync(outputDir).sort()).toEqual(["clients.parquet", "errors"]);
  const written = await sql(`SELECT id, y FROM read_parquet('${join(outputDir, "clients.parquet")}')`);
  const kept = [...Array.from({ length: 10 }, (_, index) => index), ...Array.from({ length: 5 }, (_, index) => 40 + index)];
  expect(written).toEqual(kept.map((id) => ({ id: BigInt(id), y: 2 * id + 1 })));
  const errors = await sql(`SELECT id, x, plan, visits, error FROM read_parquet('${join(outputDir, "errors", "clients.parquet")}') ORDER BY id`);
  expect(errors.map((row) => row["id"])).toEqual(Array.from({ length: 30 }, (_, index) => BigInt(10 + index)));
  expect(errors[2]).toMatchObject({ id: 12n, x: -1, plan: "pro", visits: 1 });
  const messageOf = (id: number) => String(errors.find((row) => row["id"] === BigInt(id))!["error"]);
  expect(messageOf(12)).toBe(`${file} rows 10 to 19: linear@3: predict threw RangeError: x must not be -1`);
  expect(messageOf(25)).toBe(`${file} rows 20 to 29: rows the model cannot take\n  - ${file} row 23 column x: expected a number, got NaN`);
  expect(messageOf(39)).toBe(`${file} rows 30 to 39: linear@3: the model's worker exited with code 3 during predict; it was replaced`);
});

test("with skipErrors, a part whose every chunk failed fails the run: nothing is written", async () => {
  const file = join(temp.dir, "all-bad.parquet");
  await sql(`COPY (SELECT i AS id, -1::DOUBLE AS x, 'pro' AS plan, 1 AS visits FROM range(20) r(i)) TO '${file}' (FORMAT parquet)`);
  const outputDir = join(temp.dir, "all-bad");
  const error = (await batchPredict({ model, inputs: [file], outputDir, chunkRows: 10, skipErrors: true }).catch((caught: unknown) => caught)) as EnvelopeError;
  expect(error).toBeInstanceOf(EnvelopeError);
  expect(error.shortMessage).toBe(`${file}: every chunk failed, so nothing was written; the first: ${file} rows 0 to 9: linear@3: predict threw RangeError: x must not be -1`);
  expect(readdirSync(outputDir)).toEqual(["errors"]);
  expect(readdirSync(join(outputDir, "errors"))).toEqual([]);
});

test("progress is told after each chunk, rows done of the whole run's rows, by part", async () => {
  const files = [join(temp.dir, "p-0.parquet"), join(temp.dir, "p-1.parquet")];
  await sql(`COPY (SELECT i AS id, i AS x, 'pro' AS plan, 1 AS visits FROM range(25) r(i)) TO '${files[0]}' (FORMAT parquet)`);
  await sql(`COPY (SELECT i AS id, i AS x, 'pro' AS plan, 1 AS visits FROM range(10) r(i)) TO '${files[1]}' (FORMAT parquet)`);
  const seen: BatchProgress[] = [];
  await batchPredict({ model, inputs: files, outputDir: join(temp.dir, "progress"), chunkRows: 10, onProgress: (progress) => seen.push(progress) });
  expect(seen.map((progress) => [progress.rowsDone, progress.part, progress.file])).toEqual([
    [10, 1, files[0]],
    [20, 1, files[0]],
    [25, 1, files[0]],
    [35, 2, files[1]],
  ]);
  expect(new Set(seen.map((progress) => `${progress.rowsTotal}/${progress.parts}`))).toEqual(new Set(["35/2"]));
});

test("a chunk's timeout counts from its start on a worker, not from when it was queued behind another", async () => {
  // each chunk takes about 1 s of waiting (not CPU); two are in flight for the one worker, so the
  // second waits about 1 s before it starts: counted from its queueing, it would pass 1.8 s
  const slow = `export async function predict(rows) { await new Promise((resolve) => setTimeout(resolve, 1000)); return rows.map((row) => ({ y: row.x })); }`;
  const file = join(temp.dir, "slow.parquet");
  await sql(`COPY (SELECT i AS id, i::DOUBLE AS x, 'pro' AS plan, 1 AS visits FROM range(6) r(i)) TO '${file}' (FORMAT parquet)`);
  const result = await batchPredict({ model: { envelope: servableEnvelope(slow), state: {} }, inputs: [file], outputDir: join(temp.dir, "slow"), chunkRows: 2, workers: 1, timeoutMs: 1800 });
  expect(result.rows).toBe(6);
}, 60_000);
