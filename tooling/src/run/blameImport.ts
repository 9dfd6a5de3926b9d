import type { RunResult } from "../records/RunResult.ts";

/**
 * The results of the examples from `requests[from]` on that belong to `file`, whose top-level
 * code ended the worker while it loaded (`result`: a timeout, an exit, a crash): each gets the
 * same result, naming the file (`shownAs`, relative to the root); only the first keeps what
 * was printed.
 */
export function blameImport(result: RunResult, requests: readonly { key: string; file: string }[], from: number, file: string, shownAs: string): RunResult[] {
  const blamed: RunResult[] = [];
  for (let index = from; index < requests.length && requests[index]!.file === file; index++) {
    blamed.push({ ...result, key: requests[index]!.key, importing: shownAs, ...(blamed.length === 0 ? {} : { stdout: "", stderr: "" }) });
  }
  return blamed;
}
