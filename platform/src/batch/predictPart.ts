import { INTEGER, type DuckDBConnection } from "@duckdb/node-api";
import type { Field } from "../envelope/Envelope.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { checkPredictions } from "../serving/checkPredictions.ts";
import { checkRows } from "../serving/checkRows.ts";
import { rowsFromColumns } from "../serving/columnar.mjs";
import type { WorkerPool } from "../serving/createWorkerPool.ts";
import { appendPredictions, columnsOfRows, heldTypes, nullColumn, predictionColumns, type PredictionColumn } from "./appendPredictions.ts";
import { collectColumns, type CollectedBatch } from "./collectColumns.ts";
import { quoted, sourceOf, sqlString, type InputPart } from "./InputPart.ts";
import { planInputColumns } from "./planInputColumns.ts";
import { writeParquetAtomically } from "./writeParquetAtomically.ts";

export interface PartJob {
  part: InputPart;
  /** the Parquet file written, once complete */
  output: string;
  /** the columns kept from the input, in their input types */
  ids: readonly string[];
  /** the rows the part holds, counted before the run: a stream that ends short fails the part */
  rows: number;
  /** with `skipErrors`, where the rows of failed chunks are written (their input columns and the error), if any failed */
  errorsOutput?: string;
}

/** What a part wrote: rows to its output, rows skipped (their chunks failed, with `skipErrors`) and where those went. */
export interface PartResult {
  rows: number;
  skipped: number;
  errors?: string;
}

export interface PartContext {
  /** reads the input part */
  connection: DuckDBConnection;
  /**
   * holds and writes the output table: a connection of its own on the same database, because an
   * appender's flush (every 204,800 rows) on the reading connection ends its pending stream early
   */
  writer: DuckDBConnection;
  pool: Pick<WorkerPool, "predictColumns">;
  model: { name: string; version: number; inputs: readonly Field[]; outputs: readonly Field[] };
  label: string;
  chunkRows: number;
  /** chunks sent to the pool and not yet written, at most (twice the workers keeps each busy) */
  inFlight: number;
  /** told after each chunk is written (or skipped), with its rows */
  onProgress?: (rows: number) => void;
  /** a chunk that fails is skipped, its rows written to the job's `errorsOutput`, instead of failing the part */
  skipErrors?: boolean;
}

/** failures that are a chunk's own (the model's, or its rows'); any other fails the part even with `skipErrors` */
const chunkFailures = new Set(["ENVELOPE_MODEL_FAILED", "ENVELOPE_MODEL_CRASHED", "ENVELOPE_MODEL_TIMEOUT", "ENVELOPE_INVALID"]);

/** a chunk's failure, naming the file and its rows (counted from 0) */
function failedChunk(part: InputPart, first: number, count: number, error: unknown): EnvelopeError {
  const rows = `${part.file} rows ${first} to ${first + count - 1}`;
  if (error instanceof EnvelopeError) return new EnvelopeError(error.code, `${rows}: ${error.shortMessage}`, { cause: error, problems: error.problems, details: { ...error.details, file: part.file, firstRow: first, rows: count } });
  return new EnvelopeError("ENVELOPE_MODEL_FAILED", `${rows}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

/** an output column as the file holds it: integers and booleans cast back from how they were held */
function written(field: Field): string {
  const column = `__out.${quoted(field.name)}`;
  const cast = field.type === "integer" ? `CAST(${column} AS BIGINT)` : field.type === "boolean" ? `CAST(${column} AS BOOLEAN)` : column;
  return `${cast} AS ${quoted(field.name)}`;
}

let tables = 0;

/**
 * Runs the model over one input part and writes its Parquet output: the kept id columns, the
 * model's outputs, `model` and `version`, in input order. The model's inputs are read column-wise
 * (planInputColumns) in chunks of `chunkRows` and sent through the same worker pool `/predict`
 * uses, which gives the model the same row objects; up to `inFlight` chunks run at once and are
 * written in order. Only the outputs are held while the part runs: the ids are read again as the
 * file is written, joined by position. A chunk that fails fails the part with its rows named, and
 * nothing is written. Resolves to the rows written.
 */
export async function predictPart(context: PartContext, job: PartJob): Promise<PartResult> {
  const { connection, writer, model } = context;
  const { outputs } = model;
  const name = `batch_output_${process.pid}_${tables++}`;
  const table = quoted(name);
  const source = sourceOf(job.part);
  const { selects, plans } = await planInputColumns(connection, source, model.inputs);
  // with skipErrors, each row also holds its chunk's error number (0: none), indexing `failures`
  const skipping = context.skipErrors === true;
  const held = [...outputs.map((field) => `${quoted(field.name)} ${heldTypes[field.type].sql}`), ...(skipping ? ["__error INTEGER"] : [])];
  const types = [...outputs.map((field) => heldTypes[field.type].type), ...(skipping ? [INTEGER] : [])];
  const failures: string[] = [];
  await writer.run(`CREATE OR REPLACE TABLE ${table} (${held.join(", ")})`);
  const appender = await writer.createAppender(name);
  let closed = false;

  async function run(collected: CollectedBatch, first: number): Promise<PredictionColumn[]> {
    const { batch } = collected;
    if (collected.suspect) {
      // a NaN or an infinity: named exactly as /predict would name it
      const problems = checkRows(rowsFromColumns(batch), model.inputs, "rows", 20).map((problem) => ({ ...problem, path: `${job.part.file} row ${first + problem.row} column ${problem.field}` }));
      if (problems.length > 0) throw new EnvelopeError("ENVELOPE_INVALID", "rows the model cannot take", { problems });
    }
    const reply = await context.pool.predictColumns(batch, outputs);
    if ("columns" in reply) return predictionColumns(reply.columns, outputs, batch.rows);
    return columnsOfRows(checkPredictions(reply.outputs, batch.rows, outputs, context.label), outputs);
  }

  const pending: Array<{ first: number; rows: number; answer: Promise<PredictionColumn[]> }> = [];
  let sent = 0;
  let done = 0;
  function send(collected: CollectedBatch): void {
    const answer = run(collected, sent);
    // awaited in order later; marked handled now so an early failure is not reported as unhandled
    answer.catch(() => {});
    pending.push({ first: sent, rows: collected.batch.rows, answer });
    sent += collected.batch.rows;
  }
  let skipped = 0;
  async function writeOldest(): Promise<void> {
    const { first, rows, answer } = pending.shift()!;
    let columns: PredictionColumn[];
    let error = 0;
    try {
      columns = await answer;
    } catch (cause) {
      const failure = failedChunk(job.part, first, rows, cause);
      if (!skipping || !chunkFailures.has(failure.code)) throw failure;
      columns = outputs.map((field) => nullColumn(field, rows));
      error = failures.push(failure.message);
      skipped += rows;
    }
    appendPredictions(appender, types, skipping ? [...columns, { data: new Int32Array(rows).fill(error), nulls: undefined }] : columns, rows);
    done += rows;
    context.onProgress?.(rows);
  }

  try {
    const collector = collectColumns(plans, context.chunkRows);
    const stream = await connection.stream(`SELECT ${selects.length > 0 ? selects.join(", ") : "NULL"} FROM ${source}`);
    for (let chunk = await stream.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await stream.fetchChunk()) {
      for (const collected of collector.add(chunk)) {
        send(collected);
        while (pending.length >= context.inFlight) await writeOldest();
      }
    }
    const last = collector.rest();
    if (last) send(last);
    while (pending.length > 0) await writeOldest();
    // a stream that ended early must never pass for a complete part
    if (done !== job.rows) throw new EnvelopeError("ENVELOPE_SERVER", `${job.part.file}: read ${done} rows of ${job.rows}; the input changed during the run or its reading stopped early`);
    appender.closeSync();
    closed = true;
    // model and version are constants, added as the file is written; the ids are read again and
    // joined by position, so they never pass through JavaScript
    const columns = [...outputs.map(written), `${sqlString(model.name)} AS model`, `${model.version}::INTEGER AS version`].join(", ");
    const ids = job.ids.map(quoted).join(", ");
    const kept = skipping ? " WHERE __out.__error = 0" : "";
    const query = job.ids.length > 0 ? `SELECT __ids.*, ${columns} FROM (SELECT ${ids} FROM ${source}) __ids POSITIONAL JOIN ${table} __out${kept}` : `SELECT ${columns} FROM ${table} __out${kept}`;
    if (failures.length > 0 && skipped === done) throw new EnvelopeError("ENVELOPE_MODEL_FAILED", `${job.part.file}: every chunk failed, so nothing was written; the first: ${failures[0]}`);
    await writeParquetAtomically(writer, query, job.output);
    if (failures.length === 0 || !job.errorsOutput) return { rows: done - skipped, skipped };
    // the failed rows as they were read, with their chunk's error: fixed, they can be run again
    const messages = failures.map((message, index) => `(${index + 1}, ${sqlString(message)})`).join(", ");
    await writeParquetAtomically(writer, `SELECT __in.* EXCLUDE (__error), __errors.error FROM (SELECT * FROM ${source} POSITIONAL JOIN (SELECT __error FROM ${table})) __in JOIN (VALUES ${messages}) __errors(number, error) ON __in.__error = __errors.number`, job.errorsOutput);
    return { rows: done - skipped, skipped, errors: job.errorsOutput };
  } finally {
    if (!closed) appender.closeSync();
    await writer.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
