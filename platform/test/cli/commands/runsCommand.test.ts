import { afterAll, beforeAll, expect, test } from "vitest";
import type { CliIo } from "../../../src/cli/CliIo.ts";
import { main } from "../../../src/cli/main.ts";
import { Registry } from "../../../src/client/Registry.ts";
import type { RunInput } from "../../../src/runs/BatchRun.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

let registry: TestRegistry;
const base: RunInput = { status: "succeeded", inputs: ["in/a.parquet"], output: "out", rowsIn: 1000, rowsOut: 1000, rowsSkipped: 0, durationMs: 850, startedAt: "2030-01-02T03:04:05.678Z", drift: {}, error: null, shard: null };

beforeAll(async () => {
  registry = await startTestRegistry();
  const ada = new Registry({ url: registry.url, token: registry.tokens.ada, tracking: { sink: "none" } });
  const grace = new Registry({ url: registry.url, token: registry.tokens.grace, tracking: { sink: "none" } });
  await ada.save({ name: "linear", artifact: { slope: 2 }, inputs: [{ x: 1 }], outputs: [{ y: 2 }] });
  await ada.save({ name: "linear", artifact: { slope: 3 }, inputs: [{ x: 1 }], outputs: [{ y: 3 }], tags: { stage: "prod" } });
  await ada.save({ name: "empty", artifact: { slope: 3 }, inputs: [{ x: 1 }], outputs: [{ y: 3 }] });
  await ada.recordRun("linear", 1, { ...base, drift: { x: 3, age: 12 } });
  await grace.recordRun("linear", 2, { ...base, status: "failed", rowsIn: 0, rowsOut: 0, durationMs: 12_345, startedAt: "2030-01-03T00:00:00.000Z", output: "/data/out", error: { code: "ENVELOPE_MODEL_FAILED", message: "rows 0-9: boom" } });
  await ada.recordRun("linear", 2, { ...base, rowsIn: 30, rowsOut: 28, rowsSkipped: 2, durationMs: 125_000, startedAt: "2030-01-04T00:00:00.000Z" });
}, 60_000);
afterAll(() => registry.close());

async function runs(...argv: string[]) {
  const captured = { out: "", err: "" };
  const io: CliIo = { stdout: (text) => void (captured.out += text), stderr: (text) => void (captured.err += text), env: { ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: registry.tokens.ada }, now: () => new Date() };
  return { code: await main(["runs", ...argv], io), ...captured };
}

test("envelope runs NAME prints every version's runs, newest first, as a table", async () => {
  expect(await runs("linear")).toEqual({
    code: 0,
    out: [
      "when                 version  status                          in   out  skipped    duration  who    output     drift",
      "2030-01-04 00:00:00        2  succeeded                       30    28        2  2 min 05 s  ada    out        -",
      "2030-01-03 00:00:00        2  failed ENVELOPE_MODEL_FAILED     0     0        0      12.3 s  grace  /data/out  -",
      "2030-01-02 03:04:05        1  succeeded                     1000  1000        0      850 ms  ada    out        age 12, x 3",
      "",
    ].join("\n"),
    err: "",
  });
});

test("name@version lists that version's runs; a tag query the runs of its newest version's name; --limit the newest N", async () => {
  expect((await runs("linear@1")).out.split("\n").slice(1, -1).map((line) => line.split(/\s{2,}/)[1])).toEqual(["1"]);
  expect((await runs("name=linear,stage=prod", "--limit", "2")).out.split("\n")).toHaveLength(4);
  expect(await runs("empty")).toEqual({ code: 0, out: "no runs of empty recorded yet\n", err: "" });
});

test("--json prints the runs as the registry recorded them", async () => {
  const printed = JSON.parse((await runs("linear@2", "--json")).out);
  expect(printed.map((run: { rowsIn: number; user: string; team: string }) => [run.rowsIn, run.user, run.team])).toEqual([[30, "ada", "churn"], [0, "grace", "fraud"]]);
  expect(printed[1].error).toEqual({ code: "ENVELOPE_MODEL_FAILED", message: "rows 0-9: boom" });
});

test.each([
  // argv, exit code, what stderr says
  // a MODEL that does not parse carries its problems, as for serve and batch
  [["linear@x"], 1, /MODEL\.version/],
  [["linear", "--limit", "0"], 2, /--limit 0: expected a whole number from 1 to 1000/],
  [["stage=none"], 1, /no model version has the tags stage=none/],
  [[], 2, /expected one MODEL/],
])("envelope runs %j exits %i", async (argv, code, message) => {
  const run = await runs(...argv);
  expect(run.code).toBe(code);
  expect(run.err).toMatch(message);
});

test("envelope runs --help says what each column is", async () => {
  expect((await runs("--help")).out).toMatch(/^envelope runs: the batch runs of a model, newest first/);
});
