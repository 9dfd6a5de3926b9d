import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { batchPredict } from "../../src/batch/batchPredict.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { formatProblem } from "../../src/errors/Problem.ts";
import { duckdbSql as sql } from "../support/duckdbSql.ts";
import { linearState, servableEnvelope } from "../support/servableEnvelope.ts";
import { tempDir } from "../support/tempDir.ts";

// the linear model reads x (number, not nullable), plan (string, not nullable) and visits (integer, nullable); y = 2x + 1
const model = { envelope: servableEnvelope(), state: linearState };

describe("batchPredict with a feature table joined by id", () => {
  const temp = tempDir("envelope-batch-features-");
  const at = (name: string) => join(temp.dir, name);
  beforeAll(async () => {
    mkdirSync(at("in"));
    // ids out of order, and plan, in the input; x and visits in the feature table, in another order, with an id no input has
    await sql(`COPY (SELECT * FROM (VALUES (5, 'pro'), (3, 'basic'), (9, 'pro'), (1, 'pro'), (7, 'basic'), (2, 'pro')) t(client_id, plan)) TO '${at("in/ids.parquet")}' (FORMAT parquet)`);
    await sql(`COPY (SELECT * FROM (VALUES (1, 0.5, 2), (2, 1.0, NULL), (3, 1.5, 4), (5, 2.5, 1), (7, 3.5, 3), (9, 4.5, 0), (100, 50.0, 9)) t(client_id, x, visits)) TO '${at("features.csv")}' (HEADER)`);
  });
  afterAll(() => temp.remove());

  test("the output holds every input row once, in the input's order, with predictions from the joined features", async () => {
    const result = await batchPredict({ model, inputs: [at("in/ids.parquet")], outputDir: at("out"), features: { table: at("features.csv"), on: ["client_id"] }, chunkRows: 4 });
    expect(result.rows).toBe(6);
    // by hand: y = 2x + 1 for each id's x in the feature table
    expect(await sql(`SELECT * FROM read_parquet('${at("out/ids.parquet")}')`)).toEqual([
      { client_id: 5, y: 6, model: "linear", version: 3 },
      { client_id: 3, y: 4, model: "linear", version: 3 },
      { client_id: 9, y: 10, model: "linear", version: 3 },
      { client_id: 1, y: 2, model: "linear", version: 3 },
      { client_id: 7, y: 8, model: "linear", version: 3 },
      { client_id: 2, y: 3, model: "linear", version: 3 },
    ]);
  });

  test("the join is written to a temporary folder once, removed after the run", async () => {
    const tmp = at("tmp");
    mkdirSync(tmp);
    const before = process.env["TMPDIR"];
    process.env["TMPDIR"] = tmp;
    try {
      await batchPredict({ model, inputs: [at("in/ids.parquet")], outputDir: at("out-tmp"), features: { table: at("features.csv"), on: ["client_id"] } });
    } finally {
      if (before === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = before;
    }
    expect(readdirSync(tmp)).toEqual([]);
  });

  test("a large input keeps its row order through the join", async () => {
    // 7919 is prime to 200,000: the ids are far from sorted; the feature table is sorted by id and ten times larger, so DuckDB builds its hash table on the input and, unordered, would answer in the feature table's order
    await sql(`COPY (SELECT (i * 7919) % 200000 AS client_id, 'pro' AS plan FROM range(20000) r(i)) TO '${at("large.parquet")}' (FORMAT parquet, ROW_GROUP_SIZE 10000)`);
    await sql(`COPY (SELECT i AS client_id, i::DOUBLE AS x, 1 AS visits FROM range(200000) r(i)) TO '${at("large-features.parquet")}' (FORMAT parquet, ROW_GROUP_SIZE 10000)`);
    await batchPredict({ model, inputs: [at("large.parquet")], outputDir: at("large"), features: { table: at("large-features.parquet"), on: ["client_id"] }, timeoutMs: 60_000 });
    const [check] = await sql(`SELECT count(*)::INTEGER AS rows, count(*) FILTER (WHERE client_id <> ((n - 1) * 7919) % 200000 OR y <> 2 * client_id + 1)::INTEGER AS off FROM (SELECT *, row_number() OVER () AS n FROM read_parquet('${at("large/large.parquet")}'))`);
    expect(check).toEqual({ rows: 20_000, off: 0 });
  }, 60_000);

  test("ids without features run with nulls when the fields the feature table holds are nullable", async () => {
    await sql(`COPY (SELECT * FROM (VALUES (1, 0.5, 'pro'), (4, 2.0, 'basic')) t(client_id, x, plan)) TO '${at("with-x.csv")}' (HEADER)`);
    await sql(`COPY (SELECT 1 AS client_id, 7 AS visits) TO '${at("visits.parquet")}' (FORMAT parquet)`);
    await batchPredict({ model, inputs: [at("with-x.csv")], outputDir: at("nullable"), features: { table: at("visits.parquet"), on: ["client_id"] } });
    expect(await sql(`SELECT client_id, y FROM read_parquet('${at("nullable/with-x.parquet")}')`)).toEqual([{ client_id: 1n, y: 2 }, { client_id: 4n, y: 5 }]);
  });

  async function problemsOf(input: string, features: string, on: string[]): Promise<string[]> {
    const outputDir = at(`never-${Math.random().toString(36).slice(2)}`);
    const error = await batchPredict({ model, inputs: [input], outputDir, features: { table: features, on } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvelopeError);
    expect([(error as EnvelopeError).code, (error as EnvelopeError).details]).toEqual(["ENVELOPE_INVALID", { stage: "schema" }]);
    expect(existsSync(outputDir)).toBe(false);
    return (error as EnvelopeError).problems.map(formatProblem).map((line) => line.replaceAll(`${temp.dir}/`, ""));
  }

  test.each([
    // the table, what is said
    ["missing.parquet", "--features {dir}/missing.parquet: no such file; expected one .parquet or .csv file"],
    ["in/*.parquet", "--features {dir}/in/*.parquet: 2 files match; expected one .parquet or .csv file"],
    ["features.json", "--features {dir}/features.json: expected a .parquet or .csv file"],
  ])("a feature table %s that is not one .parquet or .csv file is refused", async (table, message) => {
    await sql(`COPY (SELECT 1 AS client_id) TO '${at("in/other.parquet")}' (FORMAT parquet)`);
    const error = await batchPredict({ model, inputs: [at("in/ids.parquet")], outputDir: at("never"), features: { table: at(table), on: ["client_id"] } }).catch((caught: unknown) => caught);
    expect([(error as EnvelopeError).code, (error as EnvelopeError).message]).toEqual(["ENVELOPE_CONFIG", message.replace("{dir}", temp.dir)]);
  });

  test("a key missing in the input or the feature table is refused before any row runs", async () => {
    await sql(`COPY (SELECT 1 AS id, 'pro' AS plan) TO '${at("no-key.parquet")}' (FORMAT parquet)`);
    expect(await problemsOf(at("no-key.parquet"), at("features.csv"), ["client_id"])).toEqual(["no-key.parquet: column client_id: expected the key column client_id (--on) to join features.csv by, got no such column"]);
    expect(await problemsOf(at("in/ids.parquet"), at("features.csv"), ["client_id", "region"])).toEqual([
      "in/ids.parquet: column region: expected the key column region (--on) to join features.csv by, got no such column",
      "features.csv: column region: expected the key column region (--on) to join features.csv by, got no such column",
    ]);
  });

  test("keys of different types are refused", async () => {
    await sql(`COPY (SELECT 'c' || i AS client_id, i * 0.5 AS x, 1 AS visits FROM range(3) r(i)) TO '${at("text-keys.parquet")}' (FORMAT parquet)`);
    expect(await problemsOf(at("in/ids.parquet"), at("text-keys.parquet"), ["client_id"])).toEqual(["text-keys.parquet: column client_id: expected an integer type, as the key client_id is in in/ids.parquet (INTEGER), got VARCHAR"]);
  });

  test("keys on several rows of the feature table are refused, naming the keys and their counts", async () => {
    await sql(`COPY (SELECT * FROM (VALUES (1, 0.5, 1), (3, 1.5, 1), (3, 1.6, 1), (5, 2.5, 1), (5, 2.6, 1), (5, 2.7, 1), (7, 3.5, 1), (9, 4.5, 1), (2, 1.0, 1)) t(client_id, x, visits)) TO '${at("twice.parquet")}' (FORMAT parquet)`);
    expect(await problemsOf(at("in/ids.parquet"), at("twice.parquet"), ["client_id"])).toEqual(["twice.parquet: column client_id: expected each key on one row (a key on several rows would repeat its input rows), got 2 keys on several rows: 5 on 3 rows, 3 on 2 rows"]);
  });

  test("a feature table's duplicate keys are reported once, however many parts join it", async () => {
    mkdirSync(at("two-parts"));
    for (const part of [0, 1]) await sql(`COPY (SELECT ${part} * 5 + i AS client_id, 'pro' AS plan FROM range(5) r(i)) TO '${at(`two-parts/part-${part}.parquet`)}' (FORMAT parquet)`);
    expect(await problemsOf(at("two-parts/*.parquet"), at("twice.parquet"), ["client_id"])).toEqual(["twice.parquet: column client_id: expected each key on one row (a key on several rows would repeat its input rows), got 2 keys on several rows: 5 on 3 rows, 3 on 2 rows"]);
    // so is a key the feature table lacks, while one the inputs lack is said for each input
    expect(await problemsOf(at("two-parts/*.parquet"), at("twice.parquet"), ["client_id", "region"])).toEqual([
      "two-parts/part-0.parquet: column region: expected the key column region (--on) to join twice.parquet by, got no such column",
      "twice.parquet: column region: expected the key column region (--on) to join twice.parquet by, got no such column",
      "two-parts/part-1.parquet: column region: expected the key column region (--on) to join twice.parquet by, got no such column",
    ]);
  });

  test("columns in both tables besides the keys are refused as ambiguous, by name", async () => {
    await sql(`COPY (SELECT client_id, x, visits, 'basic' AS plan FROM read_csv('${at("features.csv")}')) TO '${at("with-plan.parquet")}' (FORMAT parquet)`);
    expect(await problemsOf(at("in/ids.parquet"), at("with-plan.parquet"), ["client_id"])).toEqual(["with-plan.parquet: column plan: expected no column of in/ids.parquet other than the keys (client_id): the join could not tell which to keep, got in both tables"]);
  });

  test("ids without a features row are refused when the model's fields there are not nullable: how many, and the first ids", async () => {
    await sql(`COPY (SELECT i AS client_id, 'pro' AS plan FROM range(10) r(i)) TO '${at("ten.parquet")}' (FORMAT parquet)`);
    // ids 1, 2, 3, 5, 7, 9 have features (and 2 a null visits, allowed); 0, 4, 6, 8 do not
    expect(await problemsOf(at("ten.parquet"), at("features.csv"), ["client_id"])).toEqual(["ten.parquet: column client_id: expected a row in features.csv for every id (the model's x is not nullable), got 4 ids without one: 0, 4, 6, ..."]);
  });

  test("nulls the feature table itself holds in a non-nullable field are still refused", async () => {
    await sql(`COPY (SELECT * FROM (VALUES (1, 0.5, 1), (2, NULL, 1), (3, 1.5, 1), (5, NULL, 1), (7, 3.5, 1), (9, 4.5, 1)) t(client_id, x, visits)) TO '${at("null-x.parquet")}' (FORMAT parquet)`);
    expect(await problemsOf(at("in/ids.parquet"), at("null-x.parquet"), ["client_id"])).toEqual(["in/ids.parquet: column x: expected a value in every row (the model's x is not nullable), got 2 nulls"]);
  });
});
