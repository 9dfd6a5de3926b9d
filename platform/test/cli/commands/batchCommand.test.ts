import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { CliIo } from "../../../src/cli/CliIo.ts";
import { main } from "../../../src/cli/main.ts";
import { Registry } from "../../../src/client/Registry.ts";
import { servableEnvelope } from "../../support/servableEnvelope.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";
import { tempDir } from "../../support/tempDir.ts";

let registry: TestRegistry;
const temp = tempDir("envelope-batch-cli-");
const db = { instance: undefined as DuckDBInstance | undefined };

async function sql(text: string): Promise<Record<string, unknown>[]> {
  const connection = await db.instance!.connect();
  try {
    return (await connection.runAndReadAll(text)).getRowObjectsJS();
  } finally {
    connection.closeSync();
  }
}

beforeAll(async () => {
  registry = await startTestRegistry();
  const ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
  const inputs = [{ x: 1, plan: "pro", visits: 2 }, { x: 9, plan: "basic", visits: null }];
  await ada.save({ name: "linear", artifact: { slope: 2, intercept: 1 }, inputs, outputs: [{ y: 3 }, { y: 19 }], code: servableEnvelope().context.code!, tags: { stage: "prod" } });
  db.instance = await DuckDBInstance.create(":memory:");
  mkdirSync(join(temp.dir, "in"));
  for (const part of [0, 1, 2]) {
    await sql(`COPY (SELECT ${part} * 10 + i AS client_id, i AS x, 'pro' AS plan, 1 AS visits FROM range(10) r(i)) TO '${join(temp.dir, "in", `part-${part}.parquet`)}' (FORMAT parquet)`);
  }
}, 60_000);
afterAll(async () => {
  db.instance?.closeSync();
  temp.remove();
  await registry.close();
});

async function batch(argv: string[], tty = false) {
  const captured = { out: "", err: "" };
  const io: CliIo = { stdout: (text) => void (captured.out += text), stderr: (text) => void (captured.err += text), env: { ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: registry.tokens.ada }, now: () => new Date(), tty };
  return { code: await main(["batch", ...argv], io), ...captured };
}

test("envelope batch MODEL --input GLOB --output DIR writes one Parquet file per input file", async () => {
  const out = join(temp.dir, "out");
  const run = await batch(["stage=prod", "--input", join(temp.dir, "in", "*.parquet"), "--output", out, "--chunk-rows", "4"]);
  expect(run).toEqual({
    code: 0,
    out: [0, 1, 2].map((part) => `wrote ${join(out, `part-${part}.parquet`)} (10 rows from ${join(temp.dir, "in", `part-${part}.parquet`)})\n`).join("") + "linear@1: 30 rows in 3 files\n",
    // not a terminal: progress as plain lines, every 10 s and at the end
    err: expect.stringMatching(new RegExp(`^envelope batch: 100% 30/30 rows, [\\d.]+k? rows/s, part 3/3 ${join(temp.dir, "in", "part-2.parquet")}\n$`)),
  });
  expect(await sql(`SELECT client_id, y, model, version FROM read_parquet('${join(out, "part-1.parquet")}') LIMIT 2`)).toEqual([
    { client_id: 10n, y: 1n, model: "linear", version: 1 },
    { client_id: 11n, y: 3n, model: "linear", version: 1 },
  ]);
});

test("--shard i/N runs every N-th input file; the shards together run each file once", async () => {
  const outputs = [];
  for (const shard of ["0/2", "1/2"]) {
    const run = await batch(["linear@1", "--input", join(temp.dir, "in", "*.parquet"), "--output", join(temp.dir, "sharded"), "--shard", shard]);
    expect(run.code).toBe(0);
    outputs.push(run.out.split("\n").filter((line) => line.startsWith("wrote ")));
  }
  expect(outputs.map((lines) => lines.map((line) => line.split(" ")[1]))).toEqual([[join(temp.dir, "sharded", "part-0.parquet"), join(temp.dir, "sharded", "part-2.parquet")], [join(temp.dir, "sharded", "part-1.parquet")]]);
});

test("inputs that do not fit the model's shape exit 2 listing every problem by file and column, and nothing is written", async () => {
  const bad = join(temp.dir, "bad.csv");
  await sql(`COPY (SELECT 'a' || i AS x, 3 AS visits FROM range(2) r(i)) TO '${bad}' (HEADER)`);
  const out = join(temp.dir, "never");
  const run = await batch(["linear@1", "--input", bad, "--output", out]);
  expect(run.code).toBe(2);
  expect(run.err).toBe(
    [
      "envelope batch: 2 problems in the inputs' schema against linear@1's shape; nothing was run",
      `  - ${bad}: column x: expected an integer column (BIGINT, INTEGER, ...), got VARCHAR`,
      `  - ${bad}: column plan: expected a VARCHAR column for the model's input plan, got no such column`,
      "",
    ].join("\n"),
  );
  expect(existsSync(out)).toBe(false);
});

test("--input and --output are required", async () => {
  expect(await batch(["linear@1", "--input", "x.parquet"])).toMatchObject({ code: 2, err: "envelope batch: --input GLOB and --output DIR are both required\n" });
});

test("on a terminal, progress is a bar redrawn in place, ended by a newline", async () => {
  const run = await batch(["linear@1", "--input", join(temp.dir, "in", "part-0.parquet"), "--output", join(temp.dir, "tty"), "--chunk-rows", "4"], true);
  expect(run.code).toBe(0);
  expect(run.err).toMatch(/^\r\[#+-*\] +\d+% [\d,]+\/10 rows .*part 1\/1\u001b\[K/);
  expect(run.err).toMatch(/\r\[#{24}\] 100% 10\/10 rows [^\n]*\n$/);
});

test("--skip-errors goes on past a failing chunk: its rows go to DIR/errors with the error, and the summary counts them", async () => {
  const file = join(temp.dir, "some-bad.parquet");
  await sql(`COPY (SELECT i AS client_id, CASE WHEN i = 5 THEN -1 ELSE i END AS x, 'pro' AS plan, 1 AS visits FROM range(12) r(i)) TO '${file}' (FORMAT parquet)`);
  const out = join(temp.dir, "skipped");
  const run = await batch(["linear@1", "--input", file, "--output", out, "--chunk-rows", "4", "--skip-errors"]);
  expect([run.code, run.out]).toEqual([0, `wrote ${join(out, "some-bad.parquet")} (8 rows from ${file}; 4 rows skipped, in ${join(out, "errors", "some-bad.parquet")})\nlinear@1: 8 rows in 1 file, 4 skipped\n`]);
  expect(await sql(`SELECT client_id, error FROM read_parquet('${join(out, "errors", "some-bad.parquet")}') ORDER BY client_id`)).toEqual(
    [4, 5, 6, 7].map((id) => ({ client_id: BigInt(id), error: `${file} rows 4 to 7: linear@1: predict threw RangeError: x must not be -1` })),
  );
  const without = await batch(["linear@1", "--input", file, "--output", join(temp.dir, "not-skipped"), "--chunk-rows", "4"]);
  expect(without.code).toBe(1);
  expect(existsSync(join(temp.dir, "not-skipped", "some-bad.parquet"))).toBe(false);
});
