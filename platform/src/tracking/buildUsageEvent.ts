import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { summarizeArgs } from "./summarizeArgs.ts";
import type { UsageEvent } from "./UsageEvent.ts";

/** How a tracked call ended: its outcome, when it started, how long it took. */
export interface CallOutcome {
  fn: string;
  args: readonly unknown[];
  model: string | null;
  at: string;
  durationMs: number;
  failed: boolean;
  error: unknown;
  clientVersion: string;
}

function errorClass(error: unknown): string {
  if (error instanceof Error) return error.name === "Error" ? error.constructor.name : error.name;
  return typeof error;
}

/** What a usage event says of a failed call's error. */
export interface CallFailure {
  errorClass: string;
  errorCode: string | null;
  errorMessage: string;
}

/** The error fields of a failed call's usage event. Pure. */
export function describeFailure(error: unknown): CallFailure {
  return {
    errorClass: errorClass(error),
    errorCode: error instanceof EnvelopeError ? error.code : null,
    errorMessage: error instanceof EnvelopeError ? error.shortMessage : String((error as Error)?.message ?? error),
  };
}

/** The usage event of a call (user and team still unknown: they are added when it is sent). Pure. */
export function buildUsageEvent(call: CallOutcome): UsageEvent {
  const { failed, error } = call;
  const failure = failed ? describeFailure(error) : undefined;
  return {
    at: call.at,
    fn: call.fn,
    args: summarizeArgs(call.args),
    // the widely copied decorator had this inverted: a call succeeded exactly when it did not fail
    success: !failed,
    errorClass: failure?.errorClass ?? null,
    errorCode: failure?.errorCode ?? null,
    errorMessage: failure?.errorMessage ?? null,
    durationMs: Math.round(call.durationMs * 1000) / 1000,
    user: null,
    team: null,
    clientVersion: call.clientVersion,
    model: call.model,
  };
}
