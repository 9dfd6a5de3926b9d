import type { RunResult, RunStatus } from "../records/RunResult.ts";

/**
 * The result of an example its worker could not finish (a timeout, a crash): what the example
 * had printed as far as the mirror saw it, and `message`, when there is one, as its error.
 */
export function stoppedResult(key: string, status: RunStatus, durationMs: number, printed: { stdout: string; stderr: string }, message?: string): RunResult {
  const result: RunResult = {
    key, status, stdout: printed.stdout, stderr: printed.stderr, durationMs,
    unhandledRejections: [], uncaughtExceptions: [], lateOutput: [],
  };
  if (message) result.error = { name: "Error", message };
  return result;
}
