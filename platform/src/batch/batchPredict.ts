import { mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Problem } from "../errors/Problem.ts";
import { checkServable } from "../serving/checkServable.ts";
import { createWorkerPool, workerPoolDefaults } from "../serving/createWorkerPool.ts";
import type { Servable } from "../serving/loadServable.ts";
import { modelLabel } from "../serving/modelLabel.ts";
import { checkInputSchema } from "./checkInputSchema.ts";
import { describeInput } from "./describeInput.ts";
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
}

/** What a batch run wrote: one output per input part, and the rows in all. */
export interface BatchResult {
  model: { name: string; version: number };
  parts: Array<{ input: string; output: string; rows: number }>;
  rows: number;
}

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
  const instance = await DuckDBInstance.create(":memory:");
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
      jobs.push({ part, ids, rows, output: join(options.outputDir, name) });
    }
    if (problems.length > 0) {
      throw new EnvelopeError("ENVELOPE_INVALID", `${problems.length === 1 ? "1 problem" : `${problems.length} problems`} in the inputs' schema against ${label}'s shape; nothing was run`, { problems, details: { stage: "schema" } });
    }
    await mkdir(options.outputDir, { recursive: true });
    const workers = options.workers ?? workerPoolDefaults.size;
    const pool = await createWorkerPool({ source: code.code, state, label, size: workers, timeoutMs: options.timeoutMs ?? workerPoolDefaults.timeoutMs, memoryLimitMb: options.memoryLimitMb ?? workerPoolDefaults.memoryLimitMb, maxQueue: workers });
    try {
      const context = { connection, writer, pool, label, model: { name: envelope.name, version: envelope.version, inputs, outputs }, chunkRows: options.chunkRows ?? 10_000, inFlight: workers };
      const written: BatchResult["parts"] = [];
      for (const job of jobs) written.push({ input: job.part.file, output: job.output, rows: await predictPart(context, job) });
      return { model: { name: envelope.name, version: envelope.version }, parts: written, rows: written.reduce((sum, part) => sum + part.rows, 0) };
    } finally {
      await pool.close();
    }
  } finally {
    writer.closeSync();
    connection.closeSync();
    instance.closeSync();
    await staged?.remove();
  }
}
