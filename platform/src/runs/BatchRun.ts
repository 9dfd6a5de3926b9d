/** Why a run failed: the error's stable code and its one-line message. */
export interface RunError {
  code: string;
  message: string;
}

/** A batch run as a client reports it (`POST /v1/models/{name}/versions/{version}/runs`). */
export interface RunInput {
  status: "succeeded" | "failed";
  /** the input files read, or the globs given when the run failed before listing them */
  inputs: string[];
  /** where the outputs were written: a folder */
  output: string;
  rowsIn: number;
  rowsOut: number;
  rowsSkipped: number;
  durationMs: number;
  /** ISO time the run started */
  startedAt: string;
  /** rows with a value outside the training range, per field; only fields with some */
  drift: Record<string, number>;
  /** null when the run succeeded */
  error: RunError | null;
  /** `i/N` when the run was one shard of N, else null */
  shard: string | null;
}

/** A recorded run: what the client reported, the model version, and who ran it (the token's user and team). */
export interface BatchRun extends RunInput {
  /** the registry's number for the run; later runs have larger ones */
  id: number;
  name: string;
  version: number;
  user: string;
  team: string;
  /** ISO time the registry recorded it */
  recordedAt: string;
}

/** Which runs to list: a model's (one version's when given), newest first, after a page's `next`. */
export interface RunQuery {
  name: string;
  version?: number;
  limit: number;
  cursor?: string;
}

/** A page of runs, newest first; `next` is the cursor of the following page, null on the last. */
export interface RunPage {
  runs: BatchRun[];
  next: string | null;
}
