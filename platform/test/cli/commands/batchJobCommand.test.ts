import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Job } from "kubernetes-models/batch/v1/Job";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { CliIo } from "../../../src/cli/CliIo.ts";
import { main } from "../../../src/cli/main.ts";
import { Registry } from "../../../src/client/Registry.ts";
import { duckdbSql as sql } from "../../support/duckdbSql.ts";
import { servableEnvelope } from "../../support/servableEnvelope.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";
import { tempDir } from "../../support/tempDir.ts";

let registry: TestRegistry;
const temp = tempDir("envelope-batch-job-cli-");

beforeAll(async () => {
  registry = await startTestRegistry();
  const ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
  const inputs = [{ x: 1, plan: "pro", visits: 2 }, { x: 9, plan: "basic", visits: null }];
  for (const stage of ["dev", "prod"]) await ada.save({ name: "linear", artifact: { slope: 2, intercept: 1 }, inputs, outputs: [{ y: 3 }, { y: 19 }], code: servableEnvelope().context.code!, tags: { stage } });
  mkdirSync(join(temp.dir, "in"));
  for (const part of [0, 1]) await sql(`COPY (SELECT ${part} * 10 + i AS client_id, 'pro' AS plan FROM range(3) r(i)) TO '${join(temp.dir, "in", `part-${part}.parquet`)}' (FORMAT parquet)`);
  await sql(`COPY (SELECT i AS client_id, i AS x, 1 AS visits FROM range(20) r(i)) TO '${join(temp.dir, "features.csv")}' (HEADER)`);
}, 60_000);
afterAll(async () => {
  temp.remove();
  await registry.close();
});

async function batch(argv: string[], env: Record<string, string> = {}) {
  const captured = { out: "", err: "" };
  const io: CliIo = { stdout: (text) => void (captured.out += text), stderr: (text) => void (captured.err += text), env: { ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: registry.tokens.ada, ...env }, now: () => new Date() };
  return { code: await main(["batch", ...argv], io), ...captured };
}

test("--print-k8s-job --shards N prints a valid Indexed Job of N pods, the model pinned to the version it resolves to", async () => {
  const run = await batch(["stage=dev", "--input", "s3://data/clients/*.parquet", "--output", "/predictions", "--workers", "2", "--print-k8s-job", "--shards", "3", "--image", "envelope:1", "--namespace", "ml", "--output-claim", "predictions"]);
  expect([run.code, run.err]).toEqual([0, ""]);
  const job = JSON.parse(run.out);
  expect(() => new Job(job).validate()).not.toThrow();
  expect(job.spec.completions).toBe(3);
  expect(job.spec.template.spec.containers[0].command).toEqual(["envelope", "batch", "linear@1", "--input", "s3://data/clients/*.parquet", "--output", "/predictions", "--workers", "2", "--shard", "env:JOB_COMPLETION_INDEX/3"]);
  expect(job.metadata.namespace).toBe("ml");
  // the token stays in its Secret
  expect(run.out).not.toContain(registry.tokens.ada);
});

test.each([
  // what is given, what is said
  [["--shards", "0"], "--shards 0: expected a whole number from 1 to 100000"],
  [["--shards", "two"], "--shards two: expected a whole number from 1 to 100000"],
  [["--shards", "100001"], "--shards 100001: expected a whole number from 1 to 100000"],
  [[], "--print-k8s-job needs --shards N: expected the number of pods (1 to 100000) to split the inputs over"],
  [["--shards", "2", "--shard", "0/2"], "--shard 0/2: not with --print-k8s-job, whose pods each run their own shard; expected --shards N alone"],
])("--print-k8s-job %j is refused with exit 2", async (flags, message) => {
  const run = await batch(["linear@1", "--input", "in/*.parquet", "--output", "out", "--print-k8s-job", ...flags]);
  expect([run.code, run.out, run.err]).toEqual([2, "", `envelope batch: ${message}\n`]);
});

test("--shards without --print-k8s-job is refused", async () => {
  const run = await batch(["linear@1", "--input", "in/*.parquet", "--output", "out", "--shards", "2"]);
  expect([run.code, run.err]).toEqual([2, "envelope batch: --shards 2: only with --print-k8s-job; to run one shard here, expected --shard I/N\n"]);
});

test("--shard env:JOB_COMPLETION_INDEX/2 runs the shard the variable names, with --features joined --on the key", async () => {
  const run = await batch(["linear@2", "--input", join(temp.dir, "in", "*.parquet"), "--output", join(temp.dir, "out"), "--features", join(temp.dir, "features.csv"), "--on", "client_id", "--shard", "env:JOB_COMPLETION_INDEX/2"], { JOB_COMPLETION_INDEX: "1" });
  // nothing on stderr but the progress line of the end
  expect([run.code, run.err]).toEqual([0, expect.stringMatching(/^envelope batch: 100% 3\/3 rows, [^\n]+\n$/)]);
  expect(run.out).toBe(`wrote ${join(temp.dir, "out", "part-1.parquet")} (3 rows from ${join(temp.dir, "in", "part-1.parquet")})\nlinear@2: 3 rows in 1 file\n`);
  expect(await sql(`SELECT client_id, y FROM read_parquet('${join(temp.dir, "out", "part-1.parquet")}')`)).toEqual([10, 11, 12].map((id) => ({ client_id: BigInt(id), y: BigInt(2 * id + 1) })));
});

test("--features without --on is refused", async () => {
  const run = await batch(["linear@2", "--input", join(temp.dir, "in", "*.parquet"), "--output", join(temp.dir, "never"), "--features", join(temp.dir, "features.csv")]);
  expect([run.code, run.err]).toEqual([2, "envelope batch: --features TABLE and --on KEYS go together: expected both, as in --features features.parquet --on client_id\n"]);
});
