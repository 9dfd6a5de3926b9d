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

/** The usage event of a call (user and team still unknown: they are added when it is sent). Pure. */
export function buildUsageEvent(call: CallOutcome): UsageEvent {
  const { failed, error } = call;
  return {
    at: call.at,
    fn: call.fn,
    args: summarizeArgs(call.args),
    // the widely copied decorator had this inverted: a call succeeded exactly when it did not fail
    success: !failed,
    errorClass: failed ? errorClass(error) : null,
    errorCode: failed && error instanceof EnvelopeError ? error.code : null,
    errorMessage: failed ? (error instanceof EnvelopeError ? error.shortMessage : String((error as Error)?.message ?? error)) : null,
    durationMs: Math.round(call.durationMs * 1000) / 1000,
    user: null,
    team: null,
    clientVersion: call.clientVersion,
    model: call.model,
  };
}
