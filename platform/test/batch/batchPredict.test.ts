import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { batchPredict } from "../../src/batch/batchPredict.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { serve } from "../../src/serving/serve.ts";
import { linearState, servableEnvelope } from "../support/servableEnvelope.ts";
import { duckdbSql as sql } from "../support/duckdbSql.ts";
import { tempDir } from "../support/tempDir.ts";

const model = { envelope: servableEnvelope(), state: linearState };


describe("batchPredict over local Parquet and CSV", () => {
  const temp = tempDir("envelope-batch-");
  const input = (name: string) => join(temp.dir, "in", name);
  beforeAll(() => mkdirSync(join(temp.dir, "in")));
  afterAll(() => temp.remove());

  async function writeInputs(): Promise<void> {
    await sql(`COPY (SELECT i AS client_id, i * 0.5 AS x, CASE WHEN i % 2 = 0 THEN 'pro' ELSE 'basic' END AS plan, CASE WHEN i % 3 = 0 THEN NULL ELSE i END::INTEGER AS visits FROM range(45) r(i)) TO '${input("clients.parquet")}' (FORMAT parquet)`);
  }

  test("writes one Parquet file per part with the ids, the outputs, model and version, in input order", async () => {
    await writeInputs();
    await sql(`COPY (SELECT 'c' || i AS client, i AS x, 'pro' AS plan, i + 1 AS visits FROM range(3) r(i)) TO '${input("more.csv")}' (HEADER)`);
    const result = await batchPredict({ model, inputs: [join(temp.dir, "in", "*")], outputDir: join(temp.dir, "out"), chunkRows: 10, workers: 2 });
    expect(result).toEqual({
      model: { name: "linear", version: 3 },
      parts: [
        { input: input("clients.parquet"), output: join(temp.dir, "out", "clients.parquet"), rows: 45, skipped: 0 },
        { input: input("more.csv"), output: join(temp.dir, "out", "more.parquet"), rows: 3, skipped: 0 },
      ],
      rows: 48,
      rowsIn: 48,
      rowsSkipped: 0,
      // the training ranges: x 0 to 10 (rows 21 to 44 are above), visits 1 to 5 (6 to 44 but the nulls of every third)
      drift: { x: 24, visits: 26 },
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      durationMs: expect.any(Number),
    });
    const written = await sql(`SELECT * FROM read_parquet('${join(temp.dir, "out", "clients.parquet")}')`);
    expect(written).toHaveLength(45);
    expect(written[7]).toEqual({ client_id: 7n, y: 8, model: "linear", version: 3 });
    expect(written.map((row) => row["client_id"])).toEqual(Array.from({ length: 45 }, (_, index) => BigInt(index)));
    expect(await sql(`SELECT * FROM read_parquet('${join(temp.dir, "out", "more.parquet")}')`)).toEqual([0, 1, 2].map((i) => ({ client: `c${i}`, y: 2 * i + 1, model: "linear", version: 3 })));
  });

  test("a part larger than DuckDB's appender flush (204,800 rows) is written whole", async () => {
    const file = join(temp.dir, "large.parquet");
    await sql(`COPY (SELECT i AS client_id, (i % 10)::DOUBLE AS x, 'pro' AS plan, 1 AS visits FROM range(250000) r(i)) TO '${file}' (FORMAT parquet)`);
    const result = await batchPredict({ model, inputs: [file], outputDir: join(temp.dir, "large"), chunkRows: 10_000, timeoutMs: 60_000 });
    expect(result.rows).toBe(250_000);
    expect(await sql(`SELECT count(*)::INTEGER AS rows, sum(client_id)::DOUBLE AS ids, sum(y) AS y FROM read_parquet('${join(temp.dir, "large", "large.parquet")}')`)).toEqual([{ rows: 250_000, ids: (249_999 * 250_000) / 2, y: 2 * 4.5 * 250_000 + 250_000 }]);
  }, 60_000);

  test("with no id columns the output holds the outputs, model and version", async () => {
    await batchPredict({ model, inputs: [input("clients.parquet")], outputDir: join(temp.dir, "no-ids"), ids: [] });
    expect((await sql(`SELECT * FROM read_parquet('${join(temp.dir, "no-ids", "clients.parquet")}') LIMIT 1`))).toEqual([{ y: 1, model: "linear", version: 3 }]);
  });

  test("batch and /predict give identical predictions for the same rows", async () => {
    await writeInputs();
    await batchPredict({ model, inputs: [input("clients.parquet")], outputDir: join(temp.dir, "same"), chunkRows: 16 });
    const rows = await sql(`SELECT x, plan, visits FROM read_parquet('${input("clients.parquet")}')`);
    const service = await serve(model.envelope, { state: model.state });
    try {
      const response = await fetch(`${service.url}/predict`, { method: "POST", body: JSON.stringify({ rows }) });
      const online = ((await response.json()) as { predictions: Array<{ y: number }> }).predictions;
      const batch = await sql(`SELECT y FROM read_parquet('${join(temp.dir, "same", "clients.parquet")}')`);
      expect(batch).toEqual(online);
    } finally {
      await service.close();
    }
  });

  test("the schema is checked before any row runs: every problem by file and column, nothing written", async () => {
    await sql(`COPY (SELECT 'a' AS x, NULL::VARCHAR AS plan, 1.5 AS visits FROM range(2)) TO '${join(temp.dir, "bad.parquet")}' (FORMAT parquet)`);
    const outputDir = join(temp.dir, "never");
    const error = await batchPredict({ model, inputs: [join(temp.dir, "bad.parquet")], outputDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).code).toBe("ENVELOPE_INVALID");
    expect((error as EnvelopeError).details).toEqual({ stage: "schema" });
    expect((error as EnvelopeError).problems.map((problem) => `${problem.path}: ${problem.got}`)).toEqual([
      `${join(temp.dir, "bad.parquet")}: column x: VARCHAR`,
      `${join(temp.dir, "bad.parquet")}: column plan: 2 nulls`,
      `${join(temp.dir, "bad.parquet")}: column visits: DECIMAL(2,1)`,
    ]);
    expect(existsSync(outputDir)).toBe(false);
  });

  test.each([
    // x at row 13, what the run says
    [-3, "ENVELOPE_MODEL_CRASHED", "linear@3: the model's worker exited with code 3 during predict; it was replaced"],
    [-5, "ENVELOPE_MODEL_FAILED", "linear@3: predict returned predictions that do not fit the model's output fields"],
    [Number.NaN, "ENVELOPE_INVALID", "rows the model cannot take"],
    [-2, "ENVELOPE_MODEL_TIMEOUT", "linear@3: predict took longer than 1500 ms (counted from its start on a worker); its worker was stopped and replaced"],
  ])("a model that fails on x = %d fails the run with %s naming the chunk's rows", async (x, code, message) => {
    const file = join(temp.dir, `fails${code}.parquet`);
    await sql(`COPY (SELECT i AS id, CASE WHEN i = 13 THEN '${x}'::DOUBLE ELSE i END AS x, 'pro' AS plan, 1 AS visits FROM range(20) r(i)) TO '${file}' (FORMAT parquet)`);
    const error = (await batchPredict({ model, inputs: [file], outputDir: join(temp.dir, `failed${code}`), chunkRows: 5, timeoutMs: 1500 }).catch((caught: unknown) => caught)) as EnvelopeError;
    expect([error.code, error.shortMessage]).toEqual([code, `${file} rows 10 to 14: ${message}`]);
    expect(readdirSync(join(temp.dir, `failed${code}`))).toEqual([]);
  });

  test("a model that leaks past its memory limit fails the run naming the chunk whose worker ran out", async () => {
    // keeps 50 MB per call: the worker, limited to 64 MB, runs out within a few chunks
    const leaky = `const kept = [];\nexport function predict(rows) { kept.push(new Array((50 * 1024 * 1024) / 8).fill(1.5)); return rows.map(() => ({ y: 1 })); }`;
    const outputDir = join(temp.dir, "leaked");
    const run = batchPredict({ model: { envelope: servableEnvelope(leaky), state: {} }, inputs: [input("clients.parquet")], outputDir, chunkRows: 5, memoryLimitMb: 64, timeoutMs: 20_000 });
    await expect(run).rejects.toThrow(/^\S+clients\.parquet rows \d+ to \d+: linear@3: the model's worker went over its memory limit \(64 MB of JavaScript heap\) during predict; it was replaced$/);
    expect(readdirSync(outputDir)).toEqual([]);
  }, 60_000);

  test("a failing chunk fails the run naming its file and rows, and leaves no output that looks complete", async () => {
    await sql(`COPY (SELECT i AS id, CASE WHEN i = 25 THEN -1 ELSE i END AS x, 'pro' AS plan, 1 AS visits FROM range(40) r(i)) TO '${join(temp.dir, "throws.parquet")}' (FORMAT parquet)`);
    const outputDir = join(temp.dir, "failed");
    await expect(batchPredict({ model, inputs: [join(temp.dir, "throws.parquet")], outputDir, chunkRows: 10 })).rejects.toThrow(
      new RegExp(`^${join(temp.dir, "throws.parquet")} rows 20 to 29: linear@3: predict threw RangeError: x must not be -1$`),
    );
    expect(readdirSync(outputDir)).toEqual([]);
  });
});
