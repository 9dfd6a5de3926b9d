import { expect, test } from "vitest";
import type { Alerter } from "../../src/alerts/createAlerter.ts";
import type { AlertFacts } from "../../src/alerts/formatAlert.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import type { RunInput } from "../../src/runs/BatchRun.ts";
import { recordBatchRun } from "../../src/runs/recordBatchRun.ts";

const failed: RunInput = { status: "failed", inputs: ["a.parquet"], output: "out", rowsIn: 0, rowsOut: 0, rowsSkipped: 0, durationMs: 1, startedAt: "2030-01-01T00:00:00.000Z", drift: {}, error: { code: "TypeError", message: "no such file" }, shard: null };

function recordingAlerter() {
  const notified: AlertFacts[] = [];
  let flushed = 0;
  const alerter: Alerter = { notify: (facts) => void notified.push(facts), flush: async () => void flushed++ };
  return { alerter, notified, flushed: () => flushed };
}

test("a run the registry refuses is a warning, never a throw; the failed run's alert still goes, without a user", async () => {
  const warnings: string[] = [];
  const { alerter, notified, flushed } = recordingAlerter();
  const registry = { recordRun: async () => Promise.reject(new EnvelopeError("ENVELOPE_UNAUTHORIZED", "unknown bearer token")) };
  const recorded = await recordBatchRun({ registry, model: { name: "churn", version: 2 }, run: failed, error: new TypeError("no such file"), alerter, warn: (line) => warnings.push(line) });
  expect(recorded).toBeUndefined();
  expect(warnings).toEqual(["the run was not recorded in the registry: unknown bearer token"]);
  expect(notified).toHaveLength(1);
  expect(notified[0]).toMatchObject({ user: null, team: null, fn: "batch", model: "churn@2" });
  expect(flushed()).toBe(1);
});

test.each([
  // the failure, the code and status the alert carries: an alerter sends only failures with a status
  [new TypeError("no such file"), "ENVELOPE_SERVER", 500],
  [new EnvelopeError("ENVELOPE_NOT_SERVABLE", "node v18 cannot run it"), "ENVELOPE_NOT_SERVABLE", 500],
  [new EnvelopeError("ENVELOPE_MODEL_TIMEOUT", "rows 0 to 9"), "ENVELOPE_MODEL_TIMEOUT", 504],
])("every failed run alerts, with its cause (%#)", async (error, code, status) => {
  const { alerter, notified } = recordingAlerter();
  const registry = { recordRun: async (name: string, version: number, run: RunInput) => ({ ...run, id: 1, name, version, user: "ada", team: "churn", recordedAt: run.startedAt }) };
  await recordBatchRun({ registry, model: { name: "churn", version: 2 }, run: failed, error, alerter, warn: () => {} });
  expect(notified[0]).toMatchObject({ user: "ada", team: "churn", error: { code, status } });
  const sent = notified[0]!.error as EnvelopeError;
  expect(sent === error || sent.cause === error).toBe(true);
});

test("a succeeded run sends no alert", async () => {
  const { alerter, notified } = recordingAlerter();
  const registry = { recordRun: async (name: string, version: number, run: RunInput) => ({ ...run, id: 1, name, version, user: "ada", team: "churn", recordedAt: run.startedAt }) };
  await recordBatchRun({ registry, model: { name: "churn", version: 2 }, run: { ...failed, status: "succeeded", error: null }, alerter, warn: () => {} });
  expect(notified).toEqual([]);
});
