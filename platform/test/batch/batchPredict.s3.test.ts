import { mkdirSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startS3rver, type RunningS3rver } from "../../../tooling/test/publish/helpers/startS3rver.ts";
import { batchPredict } from "../../src/batch/batchPredict.ts";
import { createBatchS3Client } from "../../src/batch/createBatchS3Client.ts";
import { listS3Objects } from "../../src/batch/listS3Objects.ts";
import { stageInputParts } from "../../src/batch/stageInputParts.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { formatProblem } from "../../src/errors/Problem.ts";
import { duckdbSql as sql } from "../support/duckdbSql.ts";
import { linearState, servableEnvelope } from "../support/servableEnvelope.ts";
import { tempDir } from "../support/tempDir.ts";

const model = { envelope: servableEnvelope(), state: linearState };
// s3rver's fixed account
const env = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" };

// a real S3-compatible server on loopback (s3rver), read through the batch's own client in path style
describe("batchPredict over s3:// inputs", () => {
  const temp = tempDir("envelope-batch-s3-test-");
  const at = (name: string) => join(temp.dir, name);
  let server: RunningS3rver;
  let client: S3Client;
  const put = async (key: string, file: string) => void (await client.send(new PutObjectCommand({ Bucket: "data", Key: key, Body: await readFile(file) })));

  beforeAll(async () => {
    server = await startS3rver(["data"]);
    client = createBatchS3Client({ endpoint: server.endpoint, env });
    mkdirSync(at("local"));
    for (const part of [0, 1, 2]) {
      await sql(`COPY (SELECT ${part} * 100 + i AS client_id, CASE WHEN i % 2 = 0 THEN 'pro' ELSE 'basic' END AS plan FROM range(${40 + part}) r(i)) TO '${at(`local/part-${part}.parquet`)}' (FORMAT parquet)`);
      await put(`clients/part-${part}.parquet`, at(`local/part-${part}.parquet`));
    }
    await sql(`COPY (SELECT i AS client_id, i * 0.25 AS x, i % 5 AS visits FROM range(300) r(i)) TO '${at("features.parquet")}' (FORMAT parquet)`);
    await put("features/all.parquet", at("features.parquet"));
    // beside the inputs, objects the glob must not match
    await put("clients/old/part-9.parquet", at("local/part-0.parquet"));
    await put("clients-other/part-8.parquet", at("local/part-0.parquet"));
  }, 60_000);
  afterAll(async () => {
    client?.destroy();
    await server?.close();
    temp.remove();
  });

  /** runs `run` with TMPDIR set to a fresh folder and returns what was left in it */
  async function leftInTmp(run: () => Promise<unknown>): Promise<string[]> {
    const tmp = at(`tmp-${Math.random().toString(36).slice(2)}`);
    mkdirSync(tmp);
    const before = process.env["TMPDIR"];
    process.env["TMPDIR"] = tmp;
    try {
      await run();
    } finally {
      if (before === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = before;
    }
    return readdirSync(tmp);
  }

  test("s3:// inputs and feature table give the same output as the same files locally, named after the objects", async () => {
    const s3 = { endpoint: server.endpoint, env };
    let remote: Awaited<ReturnType<typeof batchPredict>> | undefined;
    const left = await leftInTmp(async () => (remote = await batchPredict({ model, inputs: ["s3://data/clients/*.parquet"], outputDir: at("from-s3"), features: { table: "s3://data/features/all.parquet", on: ["client_id"] }, s3, chunkRows: 16 })));
    await batchPredict({ model, inputs: [at("local/*.parquet")], outputDir: at("from-disk"), features: { table: at("features.parquet"), on: ["client_id"] }, chunkRows: 16 });
    expect(remote!.parts.map((part) => [part.input, part.output, part.rows])).toEqual([0, 1, 2].map((part) => [`s3://data/clients/part-${part}.parquet`, at(`from-s3/part-${part}.parquet`), 40 + part]));
    for (const part of [0, 1, 2]) {
      const fromS3 = await sql(`SELECT * FROM read_parquet('${at(`from-s3/part-${part}.parquet`)}')`);
      expect(fromS3).toHaveLength(40 + part);
      expect(fromS3).toEqual(await sql(`SELECT * FROM read_parquet('${at(`from-disk/part-${part}.parquet`)}')`));
    }
    expect(left).toEqual([]);
  }, 60_000);

  test("the endpoint may come from AWS_ENDPOINT_URL_S3, as the AWS tools read it", async () => {
    const result = await batchPredict({ model, inputs: ["s3://data/clients/part-1.parquet"], outputDir: at("from-env"), features: { table: "s3://data/features/all.parquet", on: ["client_id"] }, s3: { env: { ...env, AWS_ENDPOINT_URL_S3: server.endpoint } } });
    expect(result.parts.map((part) => [part.input, part.rows])).toEqual([["s3://data/clients/part-1.parquet", 41]]);
  });

  test("a problem in an s3:// input names the object, and the downloads are removed after the failed run", async () => {
    await sql(`COPY (SELECT 1 AS client_id, 'pro' AS plan) TO '${at("no-features.parquet")}' (FORMAT parquet)`);
    await put("bad/clients.parquet", at("no-features.parquet"));
    let error: unknown;
    const left = await leftInTmp(async () => (error = await batchPredict({ model, inputs: ["s3://data/bad/*.parquet"], outputDir: at("never"), s3: { endpoint: server.endpoint, env } }).catch((caught: unknown) => caught)));
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).problems.map(formatProblem)[0]).toBe("s3://data/bad/clients.parquet: column x: expected a numeric column (DOUBLE, FLOAT, DECIMAL or an integer type) for the model's input x, got no such column");
    expect(left).toEqual([]);
  });

  test("staging downloads each object once under the temporary folder and remove() deletes it", async () => {
    const features = { file: "s3://data/features/all.parquet", format: "parquet" as const, on: ["client_id"] };
    const parts = [0, 1].map((part) => ({ file: `s3://data/clients/part-${part}.parquet`, format: "parquet" as const, features }));
    const tmp = at("staging");
    mkdirSync(tmp);
    const before = process.env["TMPDIR"];
    process.env["TMPDIR"] = tmp;
    try {
      const staged = await stageInputParts([...parts, { file: at("local/part-2.parquet"), format: "parquet" }], { endpoint: server.endpoint, env });
      const [folder] = readdirSync(tmp);
      expect(staged.parts.map((part) => [part.file, part.local, part.features?.local])).toEqual([
        ["s3://data/clients/part-0.parquet", join(tmp, folder!, "0-part-0.parquet"), join(tmp, folder!, "1-all.parquet")],
        ["s3://data/clients/part-1.parquet", join(tmp, folder!, "2-part-1.parquet"), join(tmp, folder!, "1-all.parquet")],
        [at("local/part-2.parquet"), undefined, undefined],
      ]);
      expect(await readFile(staged.parts[1]!.local!)).toEqual(await readFile(at("local/part-1.parquet")));
      await staged.remove();
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = before;
    }
  });

  test("a download that fails names the object, and the folder is removed", async () => {
    let error: unknown;
    const left = await leftInTmp(async () => (error = await stageInputParts([{ file: "s3://data/clients/part-0.parquet", format: "parquet" }, { file: "s3://data/clients/missing.parquet", format: "parquet" }], { endpoint: server.endpoint, env }).catch((caught: unknown) => caught)));
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).message).toMatch(/^s3:\/\/data\/clients\/missing\.parquet: could not download: NoSuchKey: /);
    expect(left).toEqual([]);
  });

  test("a glob lists past 1,000 keys (continuation tokens) and matches * within one folder only", async () => {
    const keys = Array.from({ length: 1003 }, (_, index) => `many/part-${String(index).padStart(4, "0")}.csv`);
    for (let from = 0; from < keys.length; from += 50) await Promise.all(keys.slice(from, from + 50).map((key) => client.send(new PutObjectCommand({ Bucket: "data", Key: key, Body: "a\n1\n" }))));
    await client.send(new PutObjectCommand({ Bucket: "data", Key: "many/deeper/part-x.csv", Body: "a\n1\n" }));
    expect(await listS3Objects(client, "s3://data/many/*.csv", "--input")).toEqual(keys.map((key) => `s3://data/${key}`));
    expect(await listS3Objects(client, "s3://data/many/**.csv", "--input")).toHaveLength(1004);
  }, 120_000);
});
