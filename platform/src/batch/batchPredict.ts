import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Problem } from "../errors/Problem.ts";
import { checkServable } from "../serving/checkServable.ts";
import { createWorkerPool, workerPoolDefaults } from "../serving/createWorkerPool.ts";
import type { Servable } from "../serving/loadServable.ts";
import { modelLabel } from "../serving/modelLabel.ts";
import { trainingRanges } from "../serving/trainingRanges.ts";
import { countInputDrift } from "./countInputDrift.ts";
import { checkInputSchema } from "./checkInputSchema.ts";
import { describeInput } from "./describeInput.ts";
import { sourceOf } from "./InputPart.ts";
import { listInputParts, type InputListing } from "./listInputParts.ts";
import type { PartJob } from "./predictPart.ts";
import { predictPart } from "./predictPart.ts";
import { selectShard, type Shard } from "./selectShard.ts";
import { stageInputParts, type StagedParts } from "./stageInputParts.ts";

export interface BatchOptions {
  /** the model and its state, as `loadServable` reads them from the registry */
  model: Servable;
  /** paths or globs of `.parquet` and `.csv` files, local or `s3://bucket/prefix/*.parquet` */
  inputs: readonly string[];
  /** a feature table (`.parquet` or `.csv`, local or `s3://`) joined onto each input by the key columns `on`, in the input's row order */
  features?: NonNullable<InputListing["features"]>;
  /** how `s3://` inputs and feature tables are reached: `endpoint` for an S3-compatible server, `env` for credentials */
  s3?: NonNullable<InputListing["s3"]>;
  /** where one Parquet file per input part is written (created if missing) */
  outputDir: string;
  /** the input columns kept in the output; default every column that is not a model input */
  ids?: readonly string[];
  /** run only this shard of the sorted input parts */
  shard?: Shard;
  /** rows per call of the model; default 10,000 (serve's limit per request) */
  chunkRows?: number;
  /** worker processes, each with its memory limit and per-chunk timeout, as `serve`'s; defaults as `serve` */
  workers?: number;
  timeoutMs?: number;
  memoryLimitMb?: number;
  /** the running Node version, compared with the envelope's; default `process.version` */
  nodeVersion?: string;
  /** a chunk the model fails is skipped instead of failing the run: its rows go to `outputDir/errors/<part name>.parquet` with the error */
  skipErrors?: boolean;
  /** told after each chunk is written: rows done of all the parts' rows, and the part being run */
  onProgress?: (progress: BatchProgress) => void;
}

/** How far a run is: rows done (written or skipped) of `rowsTotal`, in part `part` (from 1) of `parts`, `file`. */
export interface BatchProgress {
  rowsDone: number;
  rowsTotal: number;
  part: number;
  parts: number;
  file: string;
}

/** What a batch run wrote: one output per input part, and the rows in all. */
export interface BatchResult {
  model: { name: string; version: number };
  parts: Array<{ input: string; output: string; rows: number; skipped: number; errors?: string }>;
  /** rows written */
  rows: number;
  /** rows read from the inputs: written plus skipped */
  rowsIn: number;
  /** rows of chunks that failed, with `skipErrors` */
  rowsSkipped: number;
  /** rows with a value outside the training range of the envelope's summary statistics, by field (only fields with some) */
  drift: Record<string, number>;
  startedAt: string;
  durationMs: number;
}

/** DuckDB's memory while a run holds a part's outputs; past it, DuckDB writes to its temporary folder, so a part of any size fits */
const duckdbMemoryLimit = "256MB";

/**
 * Runs a saved model over tables: lists the input parts (sorted; `shard` picks its share),
 * checks every part's schema against the model's shape before any row runs (one ENVELOPE_INVALID
 * with `details.stage = "schema"` listing every problem by file and column; nothing written),
 * then streams each part's rows in chunks through the worker pool `serve` uses and writes
 * `outputDir/<part name>.parquet` with the id columns, the outputs, `model` and `version`. A
 * failing chunk fails the run naming its file and rows; a part's file appears only complete.
 */
export async function batchPredict(options: BatchOptions): Promise<BatchResult> {
  const { envelope, state } = options.model;
  const code = checkServable(envelope, options.nodeVersion);
  const { inputs, outputs } = envelope.function.shape;
  const label = modelLabel(envelope);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const spill = await mkdtemp(join(tmpdir(), "envelope-batch-"));
  const instance = await DuckDBInstance.create(":memory:", { memory_limit: duckdbMemoryLimit, temp_directory: spill });
  const connection = await instance.connect();
  const writer = await instance.connect();
  let staged: StagedParts | undefined;
  try {
    // only the shard's own parts are downloaded from s3://
    staged = await stageInputParts(selectShard(await listInputParts(connection, options.inputs, options), options.shard), options.s3);
    const parts = staged.parts;
    const jobs: PartJob[] = [];
    const problems: Problem[] = [];
    const outputNames = new Map<string, string>();
    for (const part of parts) {
      const { rows, columns, problems: joinProblems } = await describeInput(connection, part, inputs);
      problems.push(...joinProblems);
      const inputNames = new Set(inputs.map((field) => field.name));
      const ids = options.ids ?? columns.map((column) => column.name).filter((name) => !inputNames.has(name));
      problems.push(...checkInputSchema(part.file, columns, inputs, outputs, ids));
      const name = `${basename(part.file).replace(/\.(parquet|csv)$/i, "")}.parquet`;
      const clash = outputNames.get(name);
      if (clash) problems.push({ path: part.file, expected: `an input file name unlike every other's, as each names its output ${name}`, got: `the same name as ${clash}` });
      outputNames.set(name, part.file);
      jobs.push({ part, ids, rows, output: join(options.outputDir, name), ...(options.skipErrors ? { errorsOutput: join(options.outputDir, "errors", name) } : {}) });
    }
    if (problems.length > 0) {
      throw new EnvelopeError("ENVELOPE_INVALID", `${problems.length === 1 ? "1 problem" : `${problems.length} problems`} in the inputs' schema against ${label}'s shape; nothing was run`, { problems, details: { stage: "schema" } });
    }
    await mkdir(join(options.outputDir, ...(options.skipErrors ? ["errors"] : [])), { recursive: true });
    const workers = options.workers ?? workerPoolDefaults.size;
    const pool = await createWorkerPool({ source: code.code, state, label, size: workers, timeoutMs: options.timeoutMs ?? workerPoolDefaults.timeoutMs, memoryLimitMb: options.memoryLimitMb ?? workerPoolDefaults.memoryLimitMb, maxQueue: workers });
    try {
      const rowsTotal = jobs.reduce((sum, job) => sum + job.rows, 0);
      let rowsDone = 0;
      const context = { connection, writer, pool, label, model: { name: envelope.name, version: envelope.version, inputs, outputs }, chunkRows: options.chunkRows ?? 10_000, inFlight: 2 * workers, skipErrors: options.skipErrors === true };
      const written: BatchResult["parts"] = [];
      const drift: Record<string, number> = {};
      const ranges = trainingRanges(inputs, envelope.data.features);
      for (const [index, job] of jobs.entries()) {
        const onProgress = (rows: number) => options.onProgress?.({ rowsDone: (rowsDone += rows), rowsTotal, part: index + 1, parts: jobs.length, file: job.part.file });
        const result = await predictPart({ ...context, onProgress }, job);
        written.push({ input: job.part.file, output: job.output, ...result });
        for (const [field, count] of Object.entries(ranges.length > 0 ? await countInputDrift(connection, sourceOf(job.part), ranges) : {})) drift[field] = (drift[field] ?? 0) + count;
      }
      const rows = written.reduce((sum, part) => sum + part.rows, 0);
      const rowsSkipped = written.reduce((sum, part) => sum + part.skipped, 0);
      return { model: { name: envelope.name, version: envelope.version }, parts: written, rows, rowsIn: rows + rowsSkipped, rowsSkipped, drift, startedAt, durationMs: Math.round(performance.now() - started) };
    } finally {
      await pool.close();
    }
  } finally {
    writer.closeSync();
    connection.closeSync();
    instance.closeSync();
    await staged?.remove();
    await rm(spill, { recursive: true, force: true });
  }
}
