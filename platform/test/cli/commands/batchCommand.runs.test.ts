import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { CliIo } from "../../../src/cli/CliIo.ts";
import { main } from "../../../src/cli/main.ts";
import { Registry } from "../../../src/client/Registry.ts";
import { duckdbSql } from "../../support/duckdbSql.ts";
import { servableEnvelope } from "../../support/servableEnvelope.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";
import { tempDir } from "../../support/tempDir.ts";

let registry: TestRegistry;
let ada: Registry;
let webhook: Server;
const alerts: Array<{ text: string; blocks: unknown[] }> = [];
const temp = tempDir("envelope-batch-runs-");

beforeAll(async () => {
  registry = await startTestRegistry();
  ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
  // trained on x from 1 to 9: x = 0 and x above 9 are drift
  await ada.save({ name: "linear", artifact: { slope: 2, intercept: 1 }, inputs: [{ x: 1, plan: "pro", visits: 2 }, { x: 9, plan: "basic", visits: null }], outputs: [{ y: 3 }, { y: 19 }], code: servableEnvelope().context.code! });
  mkdirSync(join(temp.dir, "in"));
  for (const part of [0, 1]) await duckdbSql(`COPY (SELECT ${part} * 10 + i AS client_id, i AS x, 'pro' AS plan, 1 AS visits FROM range(10) r(i)) TO '${join(temp.dir, "in", `part-${part}.parquet`)}' (FORMAT parquet)`);
  // the model throws on x = -1
  await duckdbSql(`COPY (SELECT i AS client_id, CASE WHEN i = 5 THEN -1 ELSE i END AS x, 'pro' AS plan, 1 AS visits FROM range(10) r(i)) TO '${join(temp.dir, "throws.parquet")}' (FORMAT parquet)`);
  webhook = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      alerts.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
}, 60_000);
afterAll(async () => {
  webhook.closeAllConnections();
  await new Promise((resolve) => webhook.close(resolve));
  temp.remove();
  await registry.close();
});

async function batch(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const captured = { out: "", err: "" };
  const io: CliIo = { stdout: (text) => void (captured.out += text), stderr: (text) => void (captured.err += text), env: { ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: registry.tokens.ada, ...env }, now: () => new Date() };
  return { code: await main(["batch", ...argv], io), ...captured };
}

const webhookUrl = () => `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;

test("a run that succeeds is recorded: the files read, rows, drift, the output folder, the shard, who ran it", async () => {
  const before = new Date();
  const run = await batch(["linear@1", "--input", join(temp.dir, "in", "*.parquet"), "--output", join(temp.dir, "out"), "--shard", "0/1"], { ENVELOPE_ALERT_WEBHOOK: webhookUrl() });
  // nothing on stderr but the progress line of the end
  expect(run).toMatchObject({ code: 0, err: expect.stringMatching(/^envelope batch: 100% 20\/20 rows, [^\n]+\n$/) });
  const { runs } = await ada.listRuns("linear");
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({
    name: "linear",
    version: 1,
    status: "succeeded",
    inputs: [join(temp.dir, "in", "part-0.parquet"), join(temp.dir, "in", "part-1.parquet")],
    output: join(temp.dir, "out"),
    rowsIn: 20,
    rowsOut: 20,
    rowsSkipped: 0,
    // x = 0 in each part is below the training range
    drift: { x: 2 },
    error: null,
    shard: "0/1",
    user: "ada",
    team: "churn",
  });
  expect(Date.parse(runs[0]!.startedAt)).toBeGreaterThanOrEqual(before.getTime() - 1000);
  expect(runs[0]!.durationMs).toBeGreaterThan(0);
  expect(alerts).toEqual([]);
}, 60_000);

test("a run whose model throws is recorded as failed with its cause, posts an alert, and exits as the failure does", async () => {
  const run = await batch(["linear@1", "--input", join(temp.dir, "throws.parquet"), "--output", join(temp.dir, "failed")], { ENVELOPE_ALERT_WEBHOOK: webhookUrl() });
  expect(run.code).toBe(1);
  expect(run.err).toMatch(/rows 0 to 9: linear@1: predict threw RangeError: x must not be -1/);
  const [latest] = (await ada.listRuns("linear", { limit: 1 })).runs;
  expect(latest).toMatchObject({ status: "failed", inputs: [join(temp.dir, "throws.parquet")], rowsOut: 0, user: "ada", team: "churn", error: { code: "ENVELOPE_MODEL_FAILED", message: expect.stringMatching(/x must not be -1/) } });
  // the alert is delivered before the command returns
  expect(alerts).toHaveLength(1);
  expect(alerts[0]!.text).toBe("batch failed for ada (churn) on linear@1: ENVELOPE_MODEL_FAILED (500)");
  expect(JSON.stringify(alerts[0]!.blocks)).toMatch(/x must not be -1/);
  // and kept in the registry with the webhook's answer, where the dashboard lists it
  const { alerts: kept } = await ada.dashboard.alerts({ limit: 1 });
  expect(kept[0]).toMatchObject({ kind: "ENVELOPE_MODEL_FAILED", text: alerts[0]!.text, status: 200, source: "batch", user: "ada", team: "churn" });
}, 60_000);

test("inputs that do not fit the shape are a failed run too, still exiting 2", async () => {
  const bad = join(temp.dir, "bad.csv");
  await duckdbSql(`COPY (SELECT 'a' AS x FROM range(2)) TO '${bad}' (HEADER)`);
  const run = await batch(["linear@1", "--input", bad, "--output", join(temp.dir, "never")]);
  expect(run.code).toBe(2);
  const [latest] = (await ada.listRuns("linear", { limit: 1 })).runs;
  expect(latest).toMatchObject({ status: "failed", inputs: [bad], error: { code: "ENVELOPE_INVALID", message: expect.stringMatching(/column x: expected/) } });
}, 60_000);

test("an alert the webhook does not take is a warning; the run is recorded and the command exits as the failure does", async () => {
  const run = await batch(["linear@1", "--input", join(temp.dir, "throws.parquet"), "--output", join(temp.dir, "failed")], { ENVELOPE_ALERT_WEBHOOK: "http://127.0.0.1:1/closed" });
  expect(run.code).toBe(1);
  expect(run.err).toMatch(/^envelope batch: the alert was not posted to http:\/\/127\.0\.0\.1:1\/closed: /m);
  expect((await ada.listRuns("linear", { limit: 1 })).runs[0]).toMatchObject({ status: "failed", error: { code: "ENVELOPE_MODEL_FAILED" } });
}, 60_000);
