import type { BatchResult } from "../batch/batchPredict.ts";
import type { Shard } from "../batch/selectShard.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { RunInput } from "./BatchRun.ts";
import { runLimits } from "./validateRunInput.ts";

/** What the command knows of a run whatever its end: what it was asked to read and write, and when it started. */
export interface RunFacts {
  /** the inputs as given (paths or globs) */
  inputs: readonly string[];
  outputDir: string;
  shard?: Shard | undefined;
  startedAt: Date;
  /** measured by the caller: a failed run has no result that says */
  durationMs: number;
}

function common(facts: RunFacts): Pick<RunInput, "output" | "startedAt" | "durationMs" | "shard" | "inputs"> {
  return {
    inputs: facts.inputs.slice(0, runLimits.inputs).map((input) => input.slice(0, runLimits.path)),
    output: facts.outputDir.slice(0, runLimits.path),
    startedAt: facts.startedAt.toISOString(),
    durationMs: facts.durationMs,
    shard: facts.shard ? `${facts.shard.index}/${facts.shard.count}` : null,
  };
}

/** The record of a run that wrote its outputs: the files it read (the inputs as given when too many to list), rows, timing and drift from the result. Pure. */
export function succeededRunInput(facts: RunFacts, result: BatchResult): RunInput {
  const files = result.parts.map((part) => part.input);
  return {
    ...common(facts),
    ...(files.length > 0 && files.length <= runLimits.inputs ? { inputs: files.map((file) => file.slice(0, runLimits.path)) } : {}),
    status: "succeeded",
    startedAt: new Date(result.startedAt).toISOString(),
    durationMs: result.durationMs,
    rowsIn: result.rowsIn,
    rowsOut: result.rows,
    rowsSkipped: result.rowsSkipped,
    drift: result.drift,
    error: null,
  };
}

/** The record of a run that failed: the error's code (its class name when it has none) and its whole message, clipped to the record's limits. Pure. */
export function failedRunInput(facts: RunFacts, error: unknown): RunInput {
  const code = error instanceof EnvelopeError ? error.code : error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return {
    ...common(facts),
    status: "failed",
    rowsIn: 0,
    rowsOut: 0,
    rowsSkipped: 0,
    drift: {},
    error: { code: code.slice(0, runLimits.errorCode), message: message.slice(0, runLimits.errorMessage) },
  };
}
