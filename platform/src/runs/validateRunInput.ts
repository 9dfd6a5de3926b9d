import { Checks } from "../envelope/Checks.ts";
import { assertNoProblems, EnvelopeError } from "../errors/EnvelopeError.ts";
import type { RunInput } from "./BatchRun.ts";

/** How much one run record may hold: a record is a summary, never the data. */
export const runLimits = { inputs: 1000, path: 4096, driftFields: 1000, fieldName: 256, errorCode: 100, errorMessage: 4000, bodyBytes: 1024 * 1024 };

const keys = ["status", "inputs", "output", "rowsIn", "rowsOut", "rowsSkipped", "durationMs", "startedAt", "drift", "error", "shard"] as const;
const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/;

/** `value` when it is a string longer than `max`, reported to `checks` as too large */
function overLong(checks: Checks, value: unknown, path: string, max: number): void {
  if (typeof value === "string" && value.length > max) checks.failDescribed(path, `at most ${max} characters`, `${value.length} characters`);
}

/** Every field over its limit, as 413 problems: checked first, so that nothing large is looked at further. */
function sizeProblems(body: Record<string, unknown>): Checks {
  const checks = new Checks();
  const { inputs, drift, error } = body;
  if (Array.isArray(inputs)) {
    if (inputs.length > runLimits.inputs) checks.failDescribed("inputs", `at most ${runLimits.inputs} items`, `${inputs.length} items`);
    else inputs.forEach((input, index) => overLong(checks, input, `inputs[${index}]`, runLimits.path));
  }
  overLong(checks, body["output"], "output", runLimits.path);
  if (typeof drift === "object" && drift !== null) {
    const fields = Object.keys(drift);
    if (fields.length > runLimits.driftFields) checks.failDescribed("drift", `at most ${runLimits.driftFields} fields`, `${fields.length} fields`);
    else for (const field of fields) if (field.length > runLimits.fieldName) checks.failDescribed(`drift.${field.slice(0, 40)}...`, `a field name of at most ${runLimits.fieldName} characters`, `${field.length} characters`);
  }
  if (typeof error === "object" && error !== null) {
    overLong(checks, (error as Record<string, unknown>)["code"], "error.code", runLimits.errorCode);
    overLong(checks, (error as Record<string, unknown>)["message"], "error.message", runLimits.errorMessage);
  }
  return checks;
}

/**
 * A run record's body as the registry takes it: a field over its limit (`runLimits`) is a 413
 * naming the field, and any other problem a 422 listing every problem by field. A failed run
 * names its error; a succeeded one has none. Pure.
 */
export function validateRunInput(body: unknown): RunInput {
  const checks = new Checks();
  if (!checks.record(body, "(body)")) assertNoProblems(checks.problems, "the run");
  const record = body as Record<string, unknown>;
  const tooLarge = sizeProblems(record);
  if (tooLarge.problems.length > 0) {
    const [first] = tooLarge.problems;
    throw new EnvelopeError("ENVELOPE_TOO_LARGE", `the run's ${first!.path} is over its limit: expected ${first!.expected}, got ${first!.got}`, { problems: tooLarge.problems.slice(1), details: { field: first!.path } });
  }
  checks.onlyKeys(record, "", keys);
  const status = record["status"];
  checks.oneOf(status, "status", ["succeeded", "failed"]);
  if (checks.array(record["inputs"], "inputs")) record["inputs"].forEach((input, index) => checks.string(input, `inputs[${index}]`, { pattern: /./, describe: "a file or glob" }));
  checks.string(record["output"], "output", { pattern: /./, describe: "the output folder" });
  for (const key of ["rowsIn", "rowsOut", "rowsSkipped"] as const) checks.number(record[key], key, { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER, describe: "a whole number of rows" });
  checks.number(record["durationMs"], "durationMs", { min: 0, describe: "milliseconds, 0 or more" });
  const startedAt = record["startedAt"];
  if (!(typeof startedAt === "string" && isoTime.test(startedAt) && !Number.isNaN(Date.parse(startedAt)))) checks.fail("startedAt", "an ISO time like 2026-01-31T09:00:00.000Z", startedAt);
  if (checks.record(record["drift"], "drift")) {
    for (const [field, count] of Object.entries(record["drift"])) checks.number(count, `drift.${field}`, { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER, describe: "a whole number of rows" });
  }
  const error = record["error"];
  if (status === "failed") {
    if (checks.record(error, "error")) {
      checks.onlyKeys(error, "error", ["code", "message"]);
      checks.string(error["code"], "error.code", { pattern: /./, describe: "the error's code" });
      checks.string(error["message"], "error.message", { describe: "the error's message" });
    }
  } else if (error !== null) checks.fail("error", "null for a succeeded run", error);
  const shard = record["shard"];
  const match = typeof shard === "string" ? /^(\d{1,6})\/(\d{1,6})$/.exec(shard) : null;
  if (shard !== null && !(match && Number(match[1]) < Number(match[2]))) checks.fail("shard", "null, or i/N with 0 <= i < N", shard);
  assertNoProblems(checks.problems, "the run");
  return Object.fromEntries(keys.map((key) => [key, record[key]])) as unknown as RunInput;
}
