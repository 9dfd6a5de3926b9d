import { expect, test } from "vitest";
import type { BatchResult } from "../../src/batch/batchPredict.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { failedRunInput, succeededRunInput } from "../../src/runs/batchRunInput.ts";

const facts = { inputs: ["data/*.parquet"], outputDir: "out", shard: { index: 1, count: 4 }, startedAt: new Date("2030-01-01T00:00:00.000Z"), durationMs: 42 };
const result: BatchResult = {
  model: { name: "churn", version: 3 },
  parts: [{ input: "data/a.parquet", output: "out/a.parquet", rows: 7, skipped: 0 }, { input: "data/b.parquet", output: "out/b.parquet", rows: 3, skipped: 2 }],
  rows: 10,
  rowsIn: 12,
  rowsSkipped: 2,
  drift: { tenure: 5 },
  startedAt: "2030-01-01T00:00:00.001Z",
  durationMs: 40,
};

test("a succeeded run lists the files read, and its rows, timing and drift as the result gives them", () => {
  expect(succeededRunInput(facts, result)).toEqual({ status: "succeeded", inputs: ["data/a.parquet", "data/b.parquet"], output: "out", rowsIn: 12, rowsOut: 10, rowsSkipped: 2, durationMs: 40, startedAt: "2030-01-01T00:00:00.001Z", drift: { tenure: 5 }, error: null, shard: "1/4" });
  expect(succeededRunInput({ ...facts, shard: undefined }, result).shard).toBeNull();
});

test("a run over more files than a record lists keeps the inputs as given", () => {
  const parts = Array.from({ length: 1001 }, (_, index) => ({ input: `data/${index}.parquet`, output: "", rows: 1, skipped: 0 }));
  expect(succeededRunInput(facts, { ...result, parts, rows: 1001 }).inputs).toEqual(["data/*.parquet"]);
});

test.each([
  // the error, the code recorded
  [new EnvelopeError("ENVELOPE_MODEL_FAILED", "rows 0 to 9: boom"), "ENVELOPE_MODEL_FAILED"],
  [new TypeError("no such file"), "TypeError"],
  ["a string", "Error"],
])("a failed run records the error's code and whole message, clipped (%#)", (error, code) => {
  const run = failedRunInput(facts, error);
  expect(run).toMatchObject({ status: "failed", inputs: ["data/*.parquet"], rowsIn: 0, rowsOut: 0, drift: {}, error: { code } });
  expect(failedRunInput(facts, new Error("x".repeat(5000))).error!.message).toHaveLength(4000);
});
